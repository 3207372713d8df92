"""Unknot against neurokit2 and scipy on real recordings shipped with neurokit2's peers.

Prints one table row per check and exits non-zero if any check misses its tolerance.
Recordings are read from the installed packages, never committed.
"""

import bz2
import functools
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import warnings

import numpy as np
import scipy.signal

warnings.filterwarnings("ignore")
import neurokit2 as nk  # noqa: E402

UNKNOT = sys.argv[1]
site = os.path.dirname(os.path.dirname(nk.__file__))
failures = []
rows = []


def check(name, ours, theirs, tolerance, kind="relative"):
    if kind == "relative":
        error = abs(ours - theirs) / max(abs(theirs), 1e-12)
    else:
        error = abs(ours - theirs)
    ok = error <= tolerance
    rows.append((name, ours, theirs, error, tolerance, "ok" if ok else "MISS"))
    if not ok:
        failures.append(name)


def unknot(*args):
    result = subprocess.run([UNKNOT, *args], capture_output=True, text=True)
    if result.returncode != 0:
        print(result.stderr, file=sys.stderr)
        failures.append(" ".join(args[:2]))
        return None
    return result.stdout


def write(values):
    handle = tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False)
    np.savetxt(handle, values, fmt="%.17g")
    handle.close()
    return handle.name


def analyze(values, kind, rate=None, *extra):
    """`unknot signals analyze --<kind>` on `values`, parsed; None (and a miss) on failure."""
    path = write(values)
    try:
        args = ["signals", "analyze", f"--{kind}", path, "--format", "json", *extra]
        if rate is not None:
            args += ["--rate", str(rate)]
        out = unknot(*args)
    finally:
        os.unlink(path)
    return None if out is None else json.loads(out)


def compare_peaks(name, label, ours, theirs, rate):
    """Same number of peaks (0.5 %), and each peer peak matched by one of ours within 10 ms."""
    ours = np.asarray(ours)
    check(f"{name}: {label} ({len(theirs)})", len(ours), len(theirs), 0.005)
    matched = sum(1 for p in theirs if len(ours) and np.min(np.abs(ours - p)) <= 0.010 * rate)
    check(f"{name}: {label} matched within 10 ms (share)", matched / max(len(theirs), 1), 1.0, 0.005)


def compare_hrv(name, ours, peaks, rate, frequency=True):
    """Heart rate, RMSSD and SDNN (2 %), and LF and HF (5 %) against neurokit2's HRV of `peaks`."""
    hrv = nk.hrv_time(peaks, sampling_rate=rate)
    check(f"{name}: mean heart rate (bpm)", ours["hrv"]["heartRate"], 60000 / float(hrv["HRV_MeanNN"].iloc[0]), 0.02)
    check(f"{name}: RMSSD (ms)", ours["hrv"]["rmssd"], float(hrv["HRV_RMSSD"].iloc[0]), 0.02)
    check(f"{name}: SDNN (ms)", ours["hrv"]["sdnn"], float(hrv["HRV_SDNN"].iloc[0]), 0.02)
    if not frequency:
        return
    spectrum = nk.hrv_frequency(peaks, sampling_rate=rate)
    for band in ["LF", "HF"]:
        theirs = float(spectrum[f"HRV_{band}"].iloc[0])
        if np.isnan(theirs):
            # neurokit2 gives NaN when a recording is too short for the band; Unknot gives 0.
            check(f"{name}: {band} power (too short: peer NaN, Unknot 0)", ours[band.lower()] or 0.0, 0.0, 0.0, "absolute")
        else:
            check(f"{name}: {band} power (normalised)", ours[band.lower()], theirs, 0.05)


@functools.cache
def medical():
    """pyphysio's recording: ECG, EDA, BVP, breathing at 2048 Hz."""
    with bz2.open(os.path.join(site, "pyphysio", "test_data", "medical.txt.bz2"), "rt") as f:
        return np.loadtxt(f, delimiter="\t")


def systole(file):
    return np.load(os.path.join(site, "systole", "datasets", file))


def filters(name, samples, rate):
    path = write(samples)
    try:
        for args, (order, band, kind) in [
            (["--order", "5", "--highpass", "0.5"], (5, 0.5, "highpass")),
            (["--order", "4", "--lowpass", "3"], (4, 3, "lowpass")),
            (["--order", "3", "--bandpass", "0.5", "8"], (3, [0.5, 8], "bandpass")),
            (["--order", "2", "--bandpass", "0.05", "3"], (2, [0.05, 3], "bandpass")),
        ]:
            out = unknot("signals", "filter", "--input", path, "--rate", str(rate), *args)
            if out is None:
                continue
            ours = np.array(out.split(), dtype=float)
            sos = scipy.signal.butter(order, band, btype=kind, output="sos", fs=rate)
            theirs = scipy.signal.sosfiltfilt(sos, samples)
            error = np.max(np.abs(ours - theirs)) / np.max(np.abs(theirs))
            check(f"{name}: butter {kind} {band} order {order} + sosfiltfilt (max error / peak)", error, 0.0, 1e-6, "absolute")
    finally:
        os.unlink(path)


RUNS = 3  # both sides timed warm: the fastest of three runs in one process


def ecg(name, samples, rate):
    """R peaks and HRV; returns (Unknot's seconds, neurokit2's seconds) for ECG to HRV."""
    ours = analyze(samples, "ecg", rate, "--timing-runs", str(RUNS))
    if ours is None:
        return None
    theirs_seconds = float("inf")
    for _ in range(RUNS):
        started = time.perf_counter()
        cleaned = nk.ecg_clean(samples, sampling_rate=rate)
        _, info = nk.ecg_peaks(cleaned, sampling_rate=rate)
        nk.hrv_time(info["ECG_R_Peaks"], sampling_rate=rate)
        nk.hrv_frequency(info["ECG_R_Peaks"], sampling_rate=rate)
        theirs_seconds = min(theirs_seconds, time.perf_counter() - started)
    compare_peaks(name, "R peaks", ours["rPeaks"], info["ECG_R_Peaks"], rate)
    compare_hrv(name, ours, info["ECG_R_Peaks"], rate)
    corrected(name, ours, info["ECG_R_Peaks"], rate)
    return ours["processingSeconds"], theirs_seconds


def corrected(name, ours, peaks, rate):
    """Artefact and ectopic-beat correction against neurokit2's signal_fixpeaks (Kubios method)."""
    _, fixed = nk.signal_fixpeaks(peaks, sampling_rate=rate, iterative=True, method="Kubios")
    fixed = np.asarray(fixed)
    mine = ours["corrected"]
    compare_peaks(name, f"beats after correction ({mine['ectopic'] + mine['missed'] + mine['extra'] + mine['longShort']} artefacts)", mine["beats"], fixed, rate)
    check(f"{name}: corrected beats at the same samples (share)", float(np.array_equal(np.asarray(mine["beats"]), fixed)), 1.0, 0.0, "absolute")
    hrv = nk.hrv_time(fixed, sampling_rate=rate)
    check(f"{name}: RMSSD after correction (ms)", ours["correctedHRV"]["rmssd"], float(hrv["HRV_RMSSD"].iloc[0]), 0.02)


def pulse(name, samples, rate):
    ours = analyze(samples, "ppg", rate)
    if ours is None:
        return
    _, info = nk.ppg_peaks(nk.ppg_clean(samples, sampling_rate=rate), sampling_rate=rate)
    compare_peaks(name, "systolic peaks", ours["rPeaks"], info["PPG_Peaks"], rate)
    compare_hrv(name, ours, info["PPG_Peaks"], rate, frequency=False)
    corrected(name, ours, info["PPG_Peaks"], rate)
    # heartpy's own reading of its own recording, for information: a different peak method.
    import heartpy

    try:
        _, measures = heartpy.process(samples, sample_rate=rate)
        print(
            f"(for information) {name}: heartpy {measures['bpm']:.2f} bpm, RMSSD {measures['rmssd']:.2f} ms; "
            f"Unknot {ours['hrv']['heartRate']:.2f} bpm, RMSSD {ours['hrv']['rmssd']:.2f} ms"
        )
    except Exception as error:  # noqa: BLE001 - heartpy rejects some recordings; say so, do not fail
        print(f"(for information) {name}: heartpy could not process it: {error}")


def breathing(name, samples, rate):
    ours = analyze(samples, "resp", rate)
    if ours is None:
        return
    cleaned = nk.rsp_clean(samples, sampling_rate=rate)
    _, info = nk.rsp_peaks(cleaned, sampling_rate=rate)
    rate_theirs = float(np.mean(nk.rsp_rate(cleaned, troughs=info["RSP_Troughs"], sampling_rate=rate)))
    compare_peaks(name, "breath peaks", ours["peaks"], info["RSP_Peaks"], rate)
    check(f"{name}: breathing rate (per minute)", ours["breathing"]["rate"], rate_theirs, 0.5, "absolute")
    events = ours.get("events")
    if events is not None:
        # No peer reads these; for information (both recordings are of people at rest).
        print(
            f"(for information) {name}: breath events: {len(events['sighs'])} sighs, "
            f"{len(events['laughter'])} laughter bouts, {len(events['sobbing'])} bouts of sob-like breathing"
        )


def skin(name, samples, rate):
    ours = analyze(samples, "eda", rate)
    if ours is None:
        return
    phasic = nk.eda_phasic(nk.eda_clean(samples, sampling_rate=rate), sampling_rate=rate)["EDA_Phasic"].values
    _, info = nk.eda_peaks(phasic, sampling_rate=rate)
    check(f"{name}: skin conductance responses ({len(info['SCR_Peaks'])})", len(ours["responses"]), len(info["SCR_Peaks"]), 0.10)


def intervals(name, nn):
    ours = analyze(nn, "nn")
    if ours is not None:
        compare_hrv(name, ours, np.concatenate([[0], np.cumsum(nn)]).astype(int), 1000)


for series in ["SampleNNISeriesShort.npy", "SampleNNISeriesLong.npy"]:
    intervals(f"pyhrv {series}", np.load(os.path.join(site, "pyhrv", "files", series)).astype(float))

import heartpy  # noqa: E402

folder = os.path.join(site, "heartpy", "data")
pulse("heartpy data.csv", np.loadtxt(os.path.join(folder, "data.csv")), 100.0)
data, timer = heartpy.load_exampledata(1)
pulse("heartpy data2.csv", np.asarray(data, dtype=float), float(heartpy.get_samplerate_mstimer(timer)))
data, timer = heartpy.load_exampledata(2)
rate = float(heartpy.get_samplerate_datetime(timer, timeformat="%Y-%m-%d %H:%M:%S.%f"))
pulse("heartpy data3.csv", np.asarray(data, dtype=float), rate)

pulse("pyphysio medical.txt (BVP)", medical()[:, 2], 2048.0)
skin("pyphysio medical.txt (EDA)", medical()[:, 1], 2048.0)
skin("systole Task1_EDA.npy", systole("Task1_EDA.npy"), 1000.0)
breathing("pyphysio medical.txt (breathing)", medical()[:, 3], 2048.0)
breathing("systole Task1_Respiration.npy", systole("Task1_Respiration.npy"), 1000.0)

timing = None
for name, samples, rate in [
    ("pyhrv SampleECG.txt", np.loadtxt(os.path.join(site, "pyhrv", "files", "SampleECG.txt"))[:, -1], 1000.0),
    ("pyphysio medical.txt (ECG)", medical()[:, 0], 2048.0),
    ("systole Task1_ECG.npy", systole("Task1_ECG.npy"), 1000.0),
]:
    filters(name, samples, rate)
    seconds = ecg(name, samples, rate)
    if name.startswith("systole") and seconds is not None:
        whole = float("inf")
        for _ in range(1):  # one run: it takes seconds, so warm-up does not matter
            started = time.perf_counter()
            _, info = nk.ecg_process(samples, sampling_rate=rate)
            nk.hrv_time(info["ECG_R_Peaks"], sampling_rate=rate)
            nk.hrv_frequency(info["ECG_R_Peaks"], sampling_rate=rate)
            whole = min(whole, time.perf_counter() - started)
        timing = (*seconds, whole)

def reactions(name, ecg, eda, resp, rate, most_tears):
    """What the reaction detector reads from real recordings of people who did not cry (no peer):
    printed for information, and the crying reports the session would act on held to `most_tears`
    (issue #14: tears found sooner must not cost more false tears on real breathing)."""
    paths = [write(ecg), write(eda), write(resp)]
    try:
        out = unknot("signals", "reactions", "--ecg", paths[0], "--eda", paths[1], "--resp", paths[2], "--rate", str(rate))
    finally:
        for path in paths:
            os.unlink(path)
    if out is None:
        return
    summary = "; ".join(line.strip() for line in out.splitlines()[:8] if line.startswith("  ") and "s  " not in line)
    print(f"(for information) {name}: reactions read without sound or force: {summary or 'none'}")
    found = re.search(r"^  crying: \d+ \((\d+) sure enough", out, re.MULTILINE)
    acted = int(found.group(1)) if found else 0
    verdict = "ok" if acted <= most_tears else "MISS"
    print(f"{name}: crying reports acted on, nobody crying: {acted} (at most {most_tears})  {verdict}")
    if acted > most_tears:
        failures.append(f"{name} false tears")


reactions("pyphysio medical.txt", medical()[:, 0], medical()[:, 1], medical()[:, 3], 2048.0, most_tears=0)
# Task1's breathing belt jolts 10-30 breaths deep when the person moves; 15 reports were acted on
# as tears before the movement and ringing tests (6 before the shorter hold). The 4 left: two in
# its minute of constant movement (100-160 s), one where the heartbeat's second harmonic ripples
# the belt after a dip (393 s), one train of real catches of unknown cause (1,481 s). Sound, which
# the station has and this recording has not, settles those.
reactions(
    "systole Task1", systole("Task1_ECG.npy"), systole("Task1_EDA.npy"), systole("Task1_Respiration.npy"), 1000.0,
    most_tears=4,
)

width = max(len(r[0]) for r in rows)
print(f"{'check'.ljust(width)}  {'unknot':>12}  {'peer':>12}  {'error':>10}  {'limit':>8}")
for name, ours, theirs, error, tolerance, verdict in rows:
    print(f"{name.ljust(width)}  {ours:12.6g}  {theirs:12.6g}  {error:10.3g}  {tolerance:8.3g}  {verdict}")

if timing is None:
    failures.append("timing")
else:
    ours, theirs, whole = timing
    ratio = whole / ours
    print(
        f"\nECG to HRV on systole's 25.6-minute ECG (1000 Hz), same run (Unknot: fastest of {RUNS}):\n"
        f"  whole pipeline: Unknot (clean, R peaks, HRV) {ours * 1000:.1f} ms; neurokit2's ecg_process + hrv_time"
        f" + hrv_frequency {whole * 1000:.0f} ms: {ratio:.0f} times faster (needs 20)\n"
        f"  step for step (neurokit2's ecg_clean + ecg_peaks + hrv_time + hrv_frequency, {theirs * 1000:.1f} ms,"
        f" which skips its wave delineation and quality rating): {theirs / ours:.1f} times faster"
    )
    if ratio < 20:
        failures.append("speed ratio")

if failures:
    print(f"\ncrosscheck: {len(failures)} miss(es): {', '.join(failures)}", file=sys.stderr)
    sys.exit(1)
print("\ncrosscheck: every check passed")
