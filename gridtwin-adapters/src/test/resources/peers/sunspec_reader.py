"""Reads a SunSpec device with Debian's pymodbus client, not GridTwin's code: finds SunS at 40000, walks the model
chain and prints every model's id and length, then named points decoded with their scale factors.

usage: sunspec_reader.py PORT UNIT MODELS_DIR MODEL.POINT ...
prints: "CHAIN id:len id:len ..." then "POINT MODEL.POINT value" for each asked point (NaN when not implemented)
"""
import json
import os
import sys

from pymodbus.client import ModbusTcpClient

PORT, UNIT, MODELS = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
c = ModbusTcpClient("127.0.0.1", port=PORT)
c.connect()


def regs(address, count):
    out = []
    while count > 0:
        n = min(count, 125)
        r = c.read_holding_registers(address, n, slave=UNIT)
        if r.isError():
            raise SystemExit("read %d+%d: %s" % (address, n, r))
        out += r.registers
        address += n
        count -= n
    return out


head = regs(40000, 2)
assert head == [0x5375, 0x6E53], head
at = 40002
chain = []
blocks = {}
while True:
    mid, length = regs(at, 2)
    if mid == 0xFFFF:
        break
    chain.append((mid, length))
    blocks.setdefault(mid, regs(at, length + 2))
    at += length + 2
print("CHAIN " + " ".join("%d:%d" % m for m in chain), flush=True)


def points(model_id):
    with open(os.path.join(MODELS, "model_%d.json" % model_id)) as f:
        group = json.load(f)["group"]
    out, at = {}, 0
    for p in group["points"]:
        out[p["name"]] = (at, p.get("size", 1), p["type"], p.get("sf"))
        at += p.get("size", 1)
    return out


def raw(block, off, size, typ):
    v = 0
    for i in range(size):
        v = v << 16 | block[off + i]
    if typ in ("int16", "sunssf") and v >= 0x8000:
        v -= 0x10000
    return v


for name in sys.argv[4:]:
    mid, point = name.split(".", 1)
    mid = int(mid)
    pts = points(mid)
    off, size, typ, sf = pts[point]
    v = raw(blocks[mid], off, size, typ)
    if (typ in ("int16", "sunssf") and v == -0x8000) or (typ == "uint16" and v == 0xFFFF):
        print("POINT %s NaN" % name)
        continue
    if sf:
        s = raw(blocks[mid], pts[sf][0], 1, "sunssf")
        v = v * 10 ** s if s != -0x8000 else float("nan")
    print("POINT %s %r" % (name, v), flush=True)
