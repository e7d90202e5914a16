package dev.odeon.loadtest.janus;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the generator again inside a private network namespace ({@code unshare --net}, needs root)
 * with {@code lo} up and a dummy {@code ifb} device {@value JanusConfig#ICE_INTERFACE} holding
 * 127.0.0.1/32: Janus gathers no ICE candidate on a loopback interface, and this way Janus, the
 * Odeon server and the synthetic clients all talk over the namespace's own 127.0.0.1 and nothing
 * else. The child sees {@value #ENV} set.
 */
public final class NetNamespace {
  /** Set in the re-executed generator's environment. */
  public static final String ENV = "ODEON_LOADTEST_NETNS";
  private static final String SETUP = "ip link set lo up && ip link add " + JanusConfig.ICE_INTERFACE
      + " type ifb && ip addr add 127.0.0.1/32 dev " + JanusConfig.ICE_INTERFACE + " && ip link set "
      + JanusConfig.ICE_INTERFACE + " up && exec \"$0\" \"$@\"";

  private NetNamespace() {}

  /** True when this process is the re-executed generator inside the namespace. */
  public static boolean inside() {
    return "1".equals(System.getenv(ENV));
  }

  /**
   * Runs {@code mainClass} with {@code args} in a new namespace with this JVM's binary, options and
   * class path, inheriting stdout and stderr; returns its exit code.
   */
  public static int rerun(String mainClass, String[] args) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of("unshare", "--net", "sh", "-c", SETUP, java));
    cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
    pb.environment().put(ENV, "1");
    Process p = pb.start();
    int code = p.waitFor();
    if (code != 0 && code != 1) {
      System.err.println("loadtest: --against janus runs inside a private network namespace (unshare --net,"
          + " ip link add " + JanusConfig.ICE_INTERFACE + " type ifb; needs root and the ifb module);"
          + " the generator exited with " + code);
    }
    return code;
  }
}
