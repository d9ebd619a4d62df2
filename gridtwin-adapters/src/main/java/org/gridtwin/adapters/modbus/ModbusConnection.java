package org.gridtwin.adapters.modbus;

import com.digitalpetri.modbus.client.ModbusTcpClient;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadInputRegistersRequest;
import com.digitalpetri.modbus.pdu.WriteMultipleRegistersRequest;
import com.digitalpetri.modbus.tcp.client.NettyTcpClientTransport;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.gridtwin.ems.device.DeviceException;

/**
 * One Modbus TCP connection (host and port), shared by every unit id behind it, on digitalpetri's {@code modbus-tcp}
 * client. Requests are asynchronous; a read longer than the 125 registers one request may carry is split. After
 * {@link #close} the next request connects again.
 */
public final class ModbusConnection implements AutoCloseable {
    /** Registers one Read Holding Registers request may ask for (Modbus Application Protocol V1.1b3, 6.3). */
    public static final int MAX_READ = 125;
    /** Registers one Write Multiple Registers request may carry (6.12). */
    public static final int MAX_WRITE = 123;

    private final String host;
    private final int port;
    private final Duration timeout;
    private ModbusTcpClient client;

    public ModbusConnection(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    public String endpoint() {
        return host + ":" + port;
    }

    private synchronized CompletionStage<ModbusTcpClient> client() {
        if (client == null) {
            NettyTcpClientTransport transport = NettyTcpClientTransport.create(c -> {
                c.setHostname(host);
                c.setPort(port);
                c.setConnectTimeout(timeout);
            });
            client = ModbusTcpClient.create(transport, c -> c.setRequestTimeout(timeout));
        }
        ModbusTcpClient c = client;
        if (c.isConnected()) {
            return CompletableFuture.completedFuture(c);
        }
        return c.connectAsync().thenApply(v -> c);
    }

    /** Holding registers {@code address ..}, 0..65535 each. */
    public CompletionStage<int[]> readHolding(int unit, int address, int count) {
        return read(unit, address, count, false);
    }

    /** Input registers {@code address ..}, 0..65535 each. */
    public CompletionStage<int[]> readInput(int unit, int address, int count) {
        return read(unit, address, count, true);
    }

    private CompletionStage<int[]> read(int unit, int address, int count, boolean input) {
        int[] out = new int[count];
        CompletableFuture<Void> all = CompletableFuture.completedFuture(null);
        for (int from = 0; from < count; from += MAX_READ) {
            int at = from;
            int n = Math.min(MAX_READ, count - from);
            all = all.thenCompose(v -> client().thenCompose(c -> input
                    ? c.readInputRegistersAsync(unit, new ReadInputRegistersRequest(address + at, n))
                            .thenApply(r -> r.registers())
                    : c.readHoldingRegistersAsync(unit, new ReadHoldingRegistersRequest(address + at, n))
                            .thenApply(r -> r.registers())))
                    .thenAccept(bytes -> {
                        if (bytes.length != 2 * n) {
                            throw new DeviceException(endpoint() + " unit " + unit + " answered " + bytes.length / 2
                                    + " registers for " + n + " at " + (address + at));
                        }
                        for (int i = 0; i < n; i++) {
                            out[at + i] = (bytes[2 * i] & 0xFF) << 8 | bytes[2 * i + 1] & 0xFF;
                        }
                    });
        }
        return all.handle((v, e) -> {
            if (e != null) {
                throw failure(unit, "read " + count + " registers at " + address, e);
            }
            return out;
        });
    }

    /** Writes holding registers {@code address ..} in one request (at most {@link #MAX_WRITE}). */
    public CompletionStage<Void> writeHolding(int unit, int address, int[] values) {
        byte[] bytes = new byte[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            bytes[2 * i] = (byte) (values[i] >> 8);
            bytes[2 * i + 1] = (byte) values[i];
        }
        return client().thenCompose(c -> c.writeMultipleRegistersAsync(unit,
                new WriteMultipleRegistersRequest(address, values.length, bytes)))
                .handle((r, e) -> {
                    if (e != null) {
                        throw failure(unit, "write " + values.length + " registers at " + address, e);
                    }
                    return null;
                });
    }

    /** Whether a failed request was answered by the device with a Modbus exception (the connection is fine). */
    public static boolean isExceptionResponse(Throwable e) {
        Throwable c = e;
        while (c != null) {
            if (c instanceof ModbusResponseException) {
                return true;
            }
            c = c.getCause();
        }
        return false;
    }

    private DeviceException failure(int unit, String what, Throwable e) {
        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                ? e.getCause() : e;
        if (cause instanceof DeviceException d) {
            return d;
        }
        String why;
        if (cause instanceof ModbusResponseException r) {
            why = "exception response " + r.getExceptionCode() + " ("
                    + com.digitalpetri.modbus.ExceptionCode.from(r.getExceptionCode()).map(Enum::name)
                            .orElse("unknown") + ")";
        } else if (cause instanceof com.digitalpetri.modbus.exceptions.ModbusTimeoutException) {
            why = "no answer within " + timeout.toMillis() + " ms";
        } else {
            why = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            // not an answer: the connection itself failed, and the next request connects afresh (a timeout or an
            // exception response leaves it to the other units behind the same gateway)
            close();
        }
        return new DeviceException(endpoint() + " unit " + unit + ": " + what + ": " + why, cause);
    }

    /** Drops the connection; the next request connects again. */
    @Override
    public synchronized void close() {
        if (client != null) {
            ModbusTcpClient c = client;
            client = null;
            c.disconnectAsync();
        }
    }
}
