package dev.odeon.sfu.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DtlsRecordsTest {
    /** One record: type, version fe fd, epoch, 48-bit sequence, then a body of bodyLength bytes. */
    private static byte[] record(int type, int epoch, long sequence, int declaredLength, int bodyLength) {
        byte[] b = new byte[13 + bodyLength];
        b[0] = (byte) type;
        b[1] = (byte) 0xfe;
        b[2] = (byte) 0xfd;
        b[3] = (byte) (epoch >>> 8);
        b[4] = (byte) epoch;
        for (int k = 0; k < 6; k++) {
            b[5 + k] = (byte) (sequence >>> (8 * (5 - k)));
        }
        b[11] = (byte) (declaredLength >>> 8);
        b[12] = (byte) declaredLength;
        return b;
    }

    @ParameterizedTest(name = "type {0} epoch {1} seq {2} len {3}/{4} -> {5}")
    @CsvSource({
        "22, 0, 0, 10, 10, true",
        "22, 0, 65535, 10, 10, true",
        "22, 0, 65536, 10, 10, false",       // forged epoch-0 sequence far ahead
        "23, 1, 281474976710655, 0, 0, true", // later epochs are authenticated by BouncyCastle
        "22, 0, 1, 11, 10, false",           // length past the end
        "19, 0, 1, 0, 0, false",             // not a DTLS content type
        "25, 1, 1, 0, 0, false",             // connection-id records are not negotiated
        "21, 0, 1, 2, 2, true",
    })
    void judgesSingleRecords(int type, int epoch, long seq, int declared, int body, boolean plausible) {
        byte[] r = record(type, epoch, seq, declared, body);
        assertEquals(plausible, DtlsRecords.isPlausible(r, 0, r.length));
    }

    @ParameterizedTest(name = "second record seq {0} -> {1}")
    @CsvSource({"5, true", "70000, false"})
    void checksEveryRecordOfADatagram(long secondSequence, boolean plausible) {
        byte[] a = record(22, 0, 4, 3, 3);
        byte[] b = record(22, 0, secondSequence, 2, 2);
        byte[] datagram = new byte[a.length + b.length + 4];
        System.arraycopy(a, 0, datagram, 2, a.length);
        System.arraycopy(b, 0, datagram, 2 + a.length, b.length);
        assertEquals(plausible, DtlsRecords.isPlausible(datagram, 2, a.length + b.length));
        assertEquals(false, DtlsRecords.isPlausible(datagram, 2, a.length + 5), "truncated second header");
        assertEquals(false, DtlsRecords.isPlausible(datagram, 2, 0), "empty");
    }
}
