#!/usr/bin/env python3
"""Unknot's YAMNet against LiteRT on real recordings; fails on any miss.

For 4 clips of each of the 16 vocalization classes and 8 speech clips (72 clips, chosen by
sorted name), `unknot hear` writes the patches it heard and its 521 scores per window. Then:
  - the network: LiteRT's reference kernels on Unknot's own patches must give the very same
    scores (0 quantisation steps); LiteRT's default (XNNPACK) kernels are printed for information;
  - the front end: numpy's reference front end (golden_frontend.py) on the same samples must
    give the same patches within 1e-3 (float32 against float64 on loud clips; the network's
    input step is 0.048): their int8 inputs may differ by one step in at most 0.1 % of values, and
    numpy's patches through LiteRT's reference kernels give Unknot's scores within half a step on
    average (one flipped input step can move a score much further: the worst is printed);
  - speed: one patch, one core, Unknot (`unknot hear --time-network`, release) beside LiteRT
    with one thread, on the same file's patches, in this run; the ratio is printed.

Usage: check_network.py UNKNOT MODEL.tflite DATA_DIR
"""
import os
import subprocess
import sys
import tempfile
import time
import wave

import numpy as np
from ai_edge_litert.interpreter import Interpreter, OpResolverType

sys.path.insert(0, os.path.dirname(__file__))
from golden_frontend import patch as reference_patch  # noqa: E402

STEP = 1 / 256
unknot, model, data = sys.argv[1:4]
failures = []


def interpreter(kind, threads=None):
    it = Interpreter(model_path=model, experimental_op_resolver_type=kind, num_threads=threads)
    it.allocate_tensors()
    return it


def scores(it, patch):
    it.set_tensor(it.get_input_details()[0]["index"], patch.reshape(1, 96, 64).astype(np.float32))
    it.invoke()
    return it.get_tensor(it.get_output_details()[0]["index"])[0]


def clips():
    chosen = []
    folder = os.path.join(data, "vocalizations")
    for kind in sorted(os.listdir(folder)):
        path = os.path.join(folder, kind)
        if os.path.isdir(path):
            chosen += [os.path.join(path, f) for f in sorted(os.listdir(path)) if f.endswith(".wav")][:4]
    speech = []
    for root, _, files in sorted(os.walk(os.path.join(data, "speech"))):
        speech += [os.path.join(root, f) for f in sorted(files) if f.endswith(".wav")]
    return chosen + speech[:8]


def samples(path):
    with wave.open(path) as w:
        assert w.getframerate() == 16000 and w.getsampwidth() == 2, f"{path}: 16 kHz 16-bit expected"
        raw = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").reshape(-1, w.getnchannels())
    return raw.mean(axis=1) / 32768.0


reference, default = interpreter(OpResolverType.BUILTIN_REF), interpreter(OpResolverType.AUTO)
worst_reference = worst_default = worst_frontend = worst_end_to_end = 0.0
end_to_end_sum = 0.0
flipped = compared = flipped_far = 0
INPUT_SCALE, INPUT_ZERO = 0.04778895899653435, 17  # the network's input quantisation


def quantise(x):
    q = np.sign(x / INPUT_SCALE) * np.floor(np.abs(x / INPUT_SCALE) + 0.5) + INPUT_ZERO
    return np.clip(q, -128, 127)

windows = 0
tested = clips()
with tempfile.TemporaryDirectory() as scratch:
    patch_file, score_file = os.path.join(scratch, "p.f32"), os.path.join(scratch, "s.f32")
    for clip in tested:
        run = subprocess.run([unknot, "hear", clip, "--patches", patch_file, "--raw-scores", score_file],
                             capture_output=True, text=True)
        if run.returncode != 0:
            failures.append(f"{clip}: unknot hear failed: {run.stderr.strip()}")
            continue
        ours_patches = np.fromfile(patch_file, dtype="<f4").reshape(-1, 96, 64)
        ours_scores = np.fromfile(score_file, dtype="<f4").reshape(-1, 521)
        audio = samples(clip)
        for i, patch in enumerate(ours_patches):
            windows += 1
            worst_reference = max(worst_reference, np.abs(scores(reference, patch) - ours_scores[i]).max() / STEP)
            worst_default = max(worst_default, np.abs(scores(default, patch) - ours_scores[i]).max() / STEP)
            numpy_patch = reference_patch(audio[i * 48 * 160:i * 48 * 160 + 15600])
            worst_frontend = max(worst_frontend, float(np.abs(numpy_patch - patch).max()))
            difference = np.abs(scores(reference, numpy_patch.astype(np.float32)) - ours_scores[i]) / STEP
            worst_end_to_end = max(worst_end_to_end, float(difference.max()))
            end_to_end_sum += float(difference.mean())
            steps = np.abs(quantise(numpy_patch) - quantise(patch))
            flipped += int((steps > 0).sum())
            flipped_far += int((steps > 1).sum())
            compared += steps.size

    print(f"hearing check: {len(tested)} real clips, {windows} windows")
    print(f"  network vs LiteRT reference kernels: worst {worst_reference:.0f} steps (limit 0)")
    print(f"  network vs LiteRT default (XNNPACK): worst {worst_default:.0f} steps (for information: LiteRT's own")
    print("    reference and default kernels round differently and differ from each other by as much)")
    print(f"  front end vs numpy reference:        worst {worst_frontend:.2e} (limit 1e-3, 1/48 of the input's step)")
    share = flipped / max(compared, 1)
    print(f"  the network's int8 input from either front end: {share:.4%} of values one step apart "
          f"({flipped_far} more than one; limits 0.1 % and 0)")
    mean_end_to_end = end_to_end_sum / max(windows, 1)
    print(f"  numpy front end + LiteRT vs Unknot:  mean {mean_end_to_end:.3f} steps a score (limit 0.5), worst "
          f"{worst_end_to_end:.0f} (for information: one input step flipped moves some scores that far)")
    if len(tested) < 50:
        failures.append(f"only {len(tested)} clips found (50 needed)")
    if worst_reference > 0:
        failures.append(f"network differs from LiteRT's reference kernels by {worst_reference:.0f} steps")
    if share > 0.001 or flipped_far > 0:
        failures.append(f"the int8 input differs from numpy's in {share:.3%} of values ({flipped_far} by more than a step)")
    if mean_end_to_end > 0.5:
        failures.append(f"front end and network together differ from numpy + LiteRT by {mean_end_to_end:.2f} steps a score")
    if worst_frontend > 1e-3:
        failures.append(f"front end differs from numpy by {worst_frontend:.2e}")

    # Speed: the same file's patches, one core each.
    clip = tested[0]
    run = subprocess.run([unknot, "hear", clip, "--time-network", "--patches", patch_file], capture_output=True, text=True)
    patches = np.fromfile(patch_file, dtype="<f4").reshape(-1, 96, 64)
    line = next((l for l in run.stdout.splitlines() if l.startswith("network:")), None)
    def litert_ms(kind):
        single = interpreter(kind, threads=1)
        times = []
        started = time.perf_counter()
        while len(times) < 20 or time.perf_counter() - started < 2:
            patch = patches[len(times) % len(patches)]
            before = time.perf_counter()
            scores(single, patch)
            times.append((time.perf_counter() - before) * 1000)
        return float(np.median(times))

    litert = litert_ms(OpResolverType.AUTO)
    litert_reference = litert_ms(OpResolverType.BUILTIN_REF)
    if line is None:
        failures.append("unknot hear --time-network printed no timing")
    else:
        ours = float(line.split()[1])
        print(f"  speed, one patch on one core: Unknot {ours:.2f} ms, LiteRT (XNNPACK, 1 thread) {litert:.2f} ms, "
              f"ratio {ours / litert:.1f}x (aim 10x, at most 20 ms a patch); LiteRT's reference kernels "
              f"(the same arithmetic as Unknot's) {litert_reference:.1f} ms")
        # The 20 ms limit is a release figure (docs/benchmarks.md); a debug build's timing, on a
        # shared 2-core machine, is printed for information (17 ms idle, 28 ms beside a noisy
        # neighbour, where LiteRT's reference kernels slowed from 29 to 43 ms too).
        if ours > 20 and os.environ.get("UNKNOT_SPEED_LIMITS", "1") != "0":
            failures.append(f"a patch takes {ours:.1f} ms (at most 20)")
        elif ours > 20:
            print("  (over 20 ms on this build and load: for information; the limit is checked on release)")

if failures:
    print("hearing check FAILED:\n  " + "\n  ".join(failures))
    sys.exit(1)
print("hearing check passed")
