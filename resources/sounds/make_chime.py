"""Makes chime.wav (run: python make_chime.py chime.wav): two soft bell partials, A5 then E6,
1.2 s, 16-bit mono 22.05 kHz; generated here, so the sound is ours to ship."""
import math, struct, wave, sys
rate = 22050
length = 1.2
notes = [(0.0, 880.0), (0.18, 1318.5)]  # A5 then E6: a rising two-tone chime
frames = []
for n in range(int(rate * length)):
    t = n / rate
    v = 0.0
    for start, f in notes:
        if t >= start:
            u = t - start
            env = math.exp(-u * 4.0) * min(1.0, u * 200)
            v += env * (math.sin(2 * math.pi * f * u) + 0.35 * math.sin(2 * math.pi * 2.76 * f * u) * math.exp(-u * 6))
    frames.append(int(max(-1, min(1, v * 0.4)) * 32767))
with wave.open(sys.argv[1], "wb") as w:
    w.setnchannels(1); w.setsampwidth(2); w.setframerate(rate)
    w.writeframes(struct.pack(f"<{len(frames)}h", *frames))
