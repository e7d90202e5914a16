package dev.odeon.sfu.srtp;

/**
 * A small open-addressing map from a 32-bit SSRC to a value, so that the per-packet context lookup
 * neither boxes the key nor allocates. Entries are never removed (a session's SSRCs are few and live as
 * long as it); the table refuses new keys past {@code maxSize} so a peer spraying SSRCs cannot grow it
 * without bound. Single-threaded.
 */
final class SsrcTable<V> {
    private final int maxSize;
    private int[] keys;
    private Object[] values;
    private int size;

    SsrcTable(int maxSize) {
        this.maxSize = maxSize;
        this.keys = new int[8];
        this.values = new Object[8];
    }

    @SuppressWarnings("unchecked")
    V get(int ssrc) {
        int mask = keys.length - 1;
        for (int i = mix(ssrc) & mask; ; i = (i + 1) & mask) {
            Object v = values[i];
            if (v == null) {
                return null;
            }
            if (keys[i] == ssrc) {
                return (V) v;
            }
        }
    }

    /** Adds a mapping for an absent key; returns false when the table is full. */
    boolean put(int ssrc, V value) {
        if (size >= maxSize) {
            return false;
        }
        if ((size + 1) * 2 > keys.length) {
            resize();
        }
        insert(keys, values, ssrc, value);
        size++;
        return true;
    }

    int size() {
        return size;
    }

    private void resize() {
        int[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new Object[oldValues.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                insert(keys, values, oldKeys[i], oldValues[i]);
            }
        }
    }

    private static void insert(int[] keys, Object[] values, int key, Object value) {
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (values[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
    }

    private static int mix(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
