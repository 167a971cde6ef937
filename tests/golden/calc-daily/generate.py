# Generates tests/golden/calc-daily/household.csv and computes household.json independently
# (Python Fractions), for the R-TEMP-3 golden test.
import datetime as dt, json, random
from fractions import Fraction
from decimal import Decimal, ROUND_HALF_UP

import os
os.chdir(os.path.dirname(os.path.abspath(__file__)))
random.seed(20251201)
UTC = dt.timezone.utc
CST = dt.timezone(dt.timedelta(hours=8))
start = dt.datetime(2025, 12, 1, 0, 0, tzinfo=CST)
end = dt.datetime(2025, 12, 3, 6, 0, tzinfo=CST)
rows = []
def emit(room, kind, t, value, z=False):
    ts = t.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ') if z else t.isoformat()
    rows.append((room, kind, ts, value))

def val(base, spread):
    return (Decimal(base) + Decimal(random.randint(-spread, spread)) / 1000)

t = start
while t < end:  # b1: every 15 min, in Z
    emit('b1', 'bedroom', t, str(val('18.4', 600)), z=True)
    t += dt.timedelta(minutes=15)
t = start
while t < end:  # b2: every 20 min, +08:00; 5 hours missing on 12-02 (19 hours: does not count)
    if not (dt.datetime(2025, 12, 2, 3, tzinfo=CST) <= t < dt.datetime(2025, 12, 2, 8, tzinfo=CST)):
        emit('b2', 'bedroom', t, str(val('17.9', 500)))
    t += dt.timedelta(minutes=20)
t = start
while t < end:  # lv: every 10 min, +09:00 offset; cold evening on 12-01
    base = '16.2' if t.day == 1 and t.hour >= 18 else '19.1'
    emit('lv', 'living', t.astimezone(dt.timezone(dt.timedelta(hours=9))), str(val(base, 300)))
    t += dt.timedelta(minutes=10)
t = start
while t < end:  # kitchen: cold, never counts
    emit('kt', 'other', t, '11.5')
    t += dt.timedelta(minutes=30)
# Sensor glitches (invalid, ignored) and readings on the bounds (valid).
emit('b1', 'bedroom', dt.datetime(2025, 12, 1, 7, 5, tzinfo=CST), '85.0')
emit('lv', 'living', dt.datetime(2025, 12, 2, 7, 5, tzinfo=CST), '-40.0')
emit('b2', 'bedroom', dt.datetime(2025, 12, 2, 4, 30, tzinfo=CST), '45.001')  # does not rescue hour 4
emit('b1', 'bedroom', dt.datetime(2025, 12, 2, 12, 5, tzinfo=CST), '45.000')
emit('b1', 'bedroom', dt.datetime(2025, 12, 2, 13, 5, tzinfo=CST), '-10.0')
# A day with only a kitchen reading and a glitch: not listed.
emit('kt', 'other', dt.datetime(2025, 12, 5, 12, tzinfo=CST), '11.0')
emit('b1', 'bedroom', dt.datetime(2025, 12, 5, 12, tzinfo=CST), '99.9')
random.shuffle(rows)

with open('household.csv', 'w') as f:
    f.write('room,kind,ts,value\n')
    for r in rows:
        f.write(','.join(r) + '\n')

def parse(ts):
    return dt.datetime.fromisoformat(ts.replace('Z', '+00:00')).astimezone(CST)
hours = {}
for room, kind, ts, value in rows:
    v = Fraction(Decimal(value))
    if kind == 'other' or not (Fraction(-10) <= v <= Fraction(45)):
        continue
    lt = parse(ts)
    hours.setdefault((lt.date(), room), {}).setdefault(lt.hour, []).append(v)
days = {}
for (date, room), hs in hours.items():
    days.setdefault(date, [])
    if len(hs) >= 20:
        days[date].append(sum(sum(x) / len(x) for x in hs.values()) / len(hs))
out = []
for date in sorted(days):
    value = None
    if days[date]:
        m = min(days[date]) * 10
        q = Decimal(m.numerator) / Decimal(m.denominator)
        value = float(q.quantize(Decimal('1'), rounding=ROUND_HALF_UP) / 10)
    out.append({'date': date.isoformat(), 'value': value})
with open('household.json', 'w') as f:
    f.write(json.dumps({'days': out}, separators=(',', ':')) + '\n')
