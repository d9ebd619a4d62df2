"""A SunSpec device that is not GridTwin's code: Debian's pymodbus serving register images built here from
SunSpec's model JSON, with the fault cases a field device shows. Run with /usr/bin/python3 (Debian's python).

usage: sunspec_device.py PORT MODELS_DIR [--slow]

Units (all at base 40000; values hand-chosen, the expected decoded values are in SunSpecFieldDeviceTest):
  1  PV inverter: common 1 + inverter 103, W = 12346 x 10^1 W, WH = 4294967000 Wh (near the acc32 roll-over)
  3  battery: common 1 + storage 124 (WChaMax 1000 x 10^3 W, ChaState 5000 x 10^-2 %) + meter 203
     (W = -2500 x 10^2 W, TotWhImp 1000 kWh, TotWhExp 2000 kWh at 10^3)
  4  grid meter: common 1 + meter 203, W = 1500 x 10^3 W, TotWhImp 7 x 10^3 Wh, TotWhExp 0
  7  inverter 103 whose L says 40 (its definition: 50)
  8  inverter 103 whose W_SF is 0x8000 (not implemented)
  9  no SunS marker anywhere
 11  a PV inverter with settings 121 (WMax 5000 x 10^1 W) and immediate controls 123 (WMaxLimPct_SF -1)
 12  a PV inverter with nameplate 120 (WRtg 400 x 10^2 W) and DER controls 704 (WMaxLimPct_SF -1)
 10  a PV inverter (with --slow, every read of every unit answers after 1 s: pymodbus serves one request at a
     time, so a slow unit delays the whole peer; slow devices get a peer of their own)
Every write is printed as "WRITE unit address v1,v2,..." on stdout.
"""
import json
import os
import sys
import time

from pymodbus.datastore import ModbusSequentialDataBlock, ModbusSlaveContext, ModbusServerContext
from pymodbus.server import StartTcpServer

PORT = int(sys.argv[1])
MODELS = sys.argv[2]
SLOW = "--slow" in sys.argv[3:]
BASE = 40000


def definition(model_id):
    with open(os.path.join(MODELS, "model_%d.json" % model_id)) as f:
        return json.load(f)


def layout(model_id):
    """name -> (offset, size, type), offsets from the model's ID register"""
    points = {}
    at = 0

    def walk(group, prefix):
        nonlocal at
        for p in group.get("points", []):
            size = p.get("size", 1)
            points[prefix + p["name"]] = (at, size, p["type"])
            at += size
        for g in group.get("groups", []):
            walk(g, prefix + g["name"] + ".")

    walk(definition(model_id)["group"], "")
    return points, at


NOT_IMPL = {"int16": 0x8000, "sunssf": 0x8000, "uint16": 0xFFFF, "enum16": 0xFFFF, "bitfield16": 0xFFFF,
            "int32": 0x80000000, "uint32": 0xFFFFFFFF, "bitfield32": 0xFFFFFFFF, "acc32": 0, "uint64": 0,
            "acc64": 0, "int64": 0, "pad": 0, "string": 0, "count": 0xFFFF, "enum32": 0xFFFFFFFF, "acc16": 0,
            "float32": 0x7FC00000}


def model(model_id, values, length=None):
    points, size = layout(model_id)
    regs = [0] * size
    for name, (off, n, typ) in points.items():
        v = values.get(name, NOT_IMPL.get(typ, 0))
        if typ == "string":
            b = str(values.get(name, "")).encode("utf-8")[: 2 * n].ljust(2 * n, b"\0")
            for i in range(n):
                regs[off + i] = b[2 * i] << 8 | b[2 * i + 1]
            continue
        if v < 0:
            v += 1 << (16 * n)
        for i in range(n):
            regs[off + i] = (v >> (16 * (n - 1 - i))) & 0xFFFF
    regs[0] = model_id
    regs[1] = size - 2 if length is None else length
    return regs


def common(serial):
    return model(1, {"Mn": "pymodbus peer", "Md": "SunSpec test device", "SN": serial, "DA": 1})


def image(*models, marker=True):
    regs = [0x5375, 0x6E53] if marker else [0x1234, 0x5678]
    for m in models:
        regs += m
    return regs + [0xFFFF, 0]


class Block(ModbusSequentialDataBlock):
    def __init__(self, unit, values, delay=0.0):
        super().__init__(BASE, values)
        self.unit = unit
        self.delay = delay

    def getValues(self, address, count=1):
        if self.delay:
            time.sleep(self.delay)
        return super().getValues(address, count)

    def setValues(self, address, values):
        super().setValues(address, values)
        print("WRITE %d %d %s" % (self.unit, address, ",".join(str(v) for v in values)), flush=True)


inverter = {"W": 12346, "W_SF": 1, "WH": 4294967000, "WH_SF": 0, "Hz": 5002, "Hz_SF": -2, "PhVphA": 2301,
            "V_SF": -1, "St": 4, "Evt1": 0}
units = {
    1: image(common("pv-1"), model(103, inverter)),
    3: image(common("bat-1"),
             model(124, {"WChaMax": 1000, "WChaMax_SF": 3, "ChaState": 5000, "ChaState_SF": -2, "StorCtl_Mod": 0,
                         "InWRte": 0, "OutWRte": 0, "InOutWRte_SF": -2, "InOutWRte_RvrtTms": 0,
                         "InOutWRte_WinTms": 0, "ChaSt": 6, "WChaDisChaGra_SF": 0}),
             model(203, {"W": -2500, "W_SF": 2, "TotWhImp": 1000, "TotWhExp": 2000, "TotWh_SF": 3, "Hz": 5000,
                         "Hz_SF": -2, "PhVphA": 2300, "V_SF": -1, "Evt": 0})),
    4: image(common("grid-1"), model(203, {"W": 1500, "W_SF": 3, "TotWhImp": 7, "TotWhExp": 0, "TotWh_SF": 3,
                                          "Hz": 5000, "Hz_SF": -2, "PhVphA": 2300, "V_SF": -1, "Evt": 0})),
    7: image(common("bad-length"), model(103, inverter, length=40)),
    8: image(common("no-sf"), model(103, dict(inverter, W_SF=-0x8000))),
    9: image(common("not-sunspec"), model(103, inverter), marker=False),
    10: image(common("slow"), model(103, inverter)),
    11: image(common("pv-123"), model(103, inverter), model(121, {"WMax": 5000, "WMax_SF": 1}),
              model(123, {"WMaxLimPct": 1000, "WMaxLimPct_SF": -1, "WMaxLim_Ena": 0, "WMaxLimPct_WinTms": 0,
                          "WMaxLimPct_RvrtTms": 0, "WMaxLimPct_RmpTms": 0})),
    12: image(common("pv-704"), model(103, inverter), model(120, {"WRtg": 400, "WRtg_SF": 2, "DERTyp": 4}),
              model(704, {"WMaxLimPctEna": 0, "WMaxLimPct": 1000, "WMaxLimPct_SF": -1, "WMaxLimPctRvrt": 1000,
                          "WMaxLimPctEnaRvrt": 0, "WMaxLimPctRvrtTms": 0})),
}
slaves = {u: ModbusSlaveContext(hr=Block(u, regs, delay=1.0 if SLOW else 0.0), zero_mode=True)
          for u, regs in units.items()}
print("READY", flush=True)
# reuse the address: a peer restarted on the port of a killed one must bind while old connections linger
StartTcpServer(context=ModbusServerContext(slaves=slaves, single=False), address=("127.0.0.1", PORT),
               allow_reuse_address=True)
