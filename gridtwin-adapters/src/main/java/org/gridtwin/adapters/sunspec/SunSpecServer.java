package org.gridtwin.adapters.sunspec;

import com.digitalpetri.modbus.ExceptionCode;
import com.digitalpetri.modbus.FunctionCode;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import com.digitalpetri.modbus.exceptions.UnknownUnitIdException;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersResponse;
import com.digitalpetri.modbus.pdu.WriteMultipleRegistersRequest;
import com.digitalpetri.modbus.pdu.WriteMultipleRegistersResponse;
import com.digitalpetri.modbus.pdu.WriteSingleRegisterRequest;
import com.digitalpetri.modbus.pdu.WriteSingleRegisterResponse;
import com.digitalpetri.modbus.server.ModbusRequestContext;
import com.digitalpetri.modbus.server.ModbusServices;
import com.digitalpetri.modbus.server.ModbusTcpServer;
import com.digitalpetri.modbus.tcp.server.NettyTcpServerTransport;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A Modbus TCP server (digitalpetri {@code modbus-tcp}) that answers holding-register reads and writes from SunSpec
 * register images, one per unit id. Outside a unit's model chain, or onto a register no writable point covers, it
 * answers ILLEGAL DATA ADDRESS; an unknown unit id gets no answer, as behind a gateway.
 */
public final class SunSpecServer implements AutoCloseable {
    private final ModbusTcpServer server;
    private final NettyTcpServerTransport transport;

    /**
     * @param units   register images by unit id
     * @param written told of every accepted write: the unit and the models written to
     */
    public SunSpecServer(String bindAddress, int port, Map<Integer, SunSpecImage> units,
            BiConsumer<Integer, List<Integer>> written) {
        this.transport = NettyTcpServerTransport.create(c -> {
            c.setBindAddress(bindAddress);
            c.setPort(port);
        });
        this.server = ModbusTcpServer.create(transport, new Services(units, written));
    }

    public SunSpecServer start() throws Exception {
        server.start();
        return this;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping a server that failed to bind: nothing to release
        }
    }

    private record Services(Map<Integer, SunSpecImage> units, BiConsumer<Integer, List<Integer>> written)
            implements ModbusServices {
        private SunSpecImage unit(int id) throws UnknownUnitIdException {
            SunSpecImage image = units.get(id);
            if (image == null) {
                throw new UnknownUnitIdException(id);
            }
            return image;
        }

        @Override
        public ReadHoldingRegistersResponse readHoldingRegisters(ModbusRequestContext context, int unitId,
                ReadHoldingRegistersRequest request) throws ModbusResponseException, UnknownUnitIdException {
            int[] regs = unit(unitId).read(request.address(), request.quantity());
            if (regs == null) {
                throw new ModbusResponseException(FunctionCode.READ_HOLDING_REGISTERS,
                        ExceptionCode.ILLEGAL_DATA_ADDRESS);
            }
            byte[] bytes = new byte[regs.length * 2];
            for (int i = 0; i < regs.length; i++) {
                bytes[2 * i] = (byte) (regs[i] >> 8);
                bytes[2 * i + 1] = (byte) regs[i];
            }
            return new ReadHoldingRegistersResponse(bytes);
        }

        @Override
        public WriteMultipleRegistersResponse writeMultipleRegisters(ModbusRequestContext context, int unitId,
                WriteMultipleRegistersRequest request) throws ModbusResponseException, UnknownUnitIdException {
            byte[] b = request.values();
            int[] values = new int[request.quantity()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (b[2 * i] & 0xFF) << 8 | b[2 * i + 1] & 0xFF;
            }
            List<Integer> models = unit(unitId).write(request.address(), values);
            if (models == null) {
                throw new ModbusResponseException(FunctionCode.WRITE_MULTIPLE_REGISTERS,
                        ExceptionCode.ILLEGAL_DATA_ADDRESS);
            }
            written.accept(unitId, models);
            return new WriteMultipleRegistersResponse(request.address(), request.quantity());
        }

        @Override
        public WriteSingleRegisterResponse writeSingleRegister(ModbusRequestContext context, int unitId,
                WriteSingleRegisterRequest request) throws ModbusResponseException, UnknownUnitIdException {
            List<Integer> models = unit(unitId).write(request.address(), new int[] {request.value()});
            if (models == null) {
                throw new ModbusResponseException(FunctionCode.WRITE_SINGLE_REGISTER,
                        ExceptionCode.ILLEGAL_DATA_ADDRESS);
            }
            written.accept(unitId, models);
            return new WriteSingleRegisterResponse(request.address(), request.value());
        }
    }
}
