"""Unknot against neurokit2 and scipy on real recordings shipped with neurokit2's peers.

Prints one table row per check and exits non-zero if any check misses its tolerance.
Recordings are read from the installed packages, never committed.
"""

import bz2
import json
import os
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


def recordings():
    """(name, ECG samples, sampling rate) for each real ECG recording."""
    ecg = np.loadtxt(os.path.join(site, "pyhrv", "files", "SampleECG.txt"))[:, -1]
    yield "pyhrv SampleECG.txt", ecg, 1000.0
    with bz2.open(os.path.join(site, "pyphysio", "test_data", "medical.txt.bz2"), "rt") as f:
        medical = np.loadtxt(f, delimiter="\t")
    yield "pyphysio medical.txt (ECG)", medical[:, 0], 2048.0
    yield "systole Task1_ECG.npy", np.load(os.path.join(site, "systole", "datasets", "Task1_ECG.npy")), 1000.0


def filters(name, path, samples, rate):
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


def ecg(name, path, samples, rate):
    out = unknot("signals", "analyze", "--ecg", path, "--rate", str(rate), "--format", "json")
    if out is None:
        return None
    ours = json.loads(out)
    started = time.perf_counter()
    cleaned = nk.ecg_clean(samples, sampling_rate=rate)
    _, info = nk.ecg_peaks(cleaned, sampling_rate=rate)
    peaks = info["ECG_R_Peaks"]
    hrv = nk.hrv_time(peaks, sampling_rate=rate)
    frequency = nk.hrv_frequency(peaks, sampling_rate=rate)
    theirs_seconds = time.perf_counter() - started
    our_peaks = np.array(ours["rPeaks"])
    check(f"{name}: R-peak count ({len(peaks)})", len(our_peaks), len(peaks), 0.005)
    matched = sum(1 for p in peaks if len(our_peaks) and np.min(np.abs(our_peaks - p)) <= 0.010 * rate)
    check(f"{name}: R peaks matched within 10 ms (share)", matched / max(len(peaks), 1), 1.0, 0.005)
    mean_nn = float(hrv["HRV_MeanNN"].iloc[0])
    check(f"{name}: mean heart rate (bpm)", ours["hrv"]["heartRate"], 60000 / mean_nn, 0.02)
    check(f"{name}: RMSSD (ms)", ours["hrv"]["rmssd"], float(hrv["HRV_RMSSD"].iloc[0]), 0.02)
    check(f"{name}: SDNN (ms)", ours["hrv"]["sdnn"], float(hrv["HRV_SDNN"].iloc[0]), 0.02)
    for band in ["LF", "HF"]:
        theirs = float(frequency[f"HRV_{band}"].iloc[0])
        if np.isnan(theirs):
            # neurokit2 gives NaN when a recording is too short for the band; Unknot gives 0.
            check(f"{name}: {band} power (too short: peer NaN, Unknot 0)", ours[band.lower()] or 0.0, 0.0, 0.0, "absolute")
        else:
            check(f"{name}: {band} power (normalised)", ours[band.lower()], theirs, 0.05)
    return ours["processingSeconds"], theirs_seconds


def breathing(name, samples, rate):
    path = write(samples)
    try:
        out = unknot("signals", "analyze", "--resp", path, "--rate", str(rate), "--format", "json")
    finally:
        os.unlink(path)
    if out is None:
        return
    ours = json.loads(out)
    cleaned = nk.rsp_clean(samples, sampling_rate=rate)
    _, info = nk.rsp_peaks(cleaned, sampling_rate=rate)
    peaks = np.asarray(info["RSP_Peaks"])
    rate_theirs = float(np.mean(nk.rsp_rate(cleaned, troughs=info["RSP_Troughs"], sampling_rate=rate)))
    our_peaks = np.array(ours["peaks"])
    check(f"{name}: breaths ({len(peaks)})", len(our_peaks), len(peaks), 0.005)
    matched = sum(1 for p in peaks if len(our_peaks) and np.min(np.abs(our_peaks - p)) <= 0.010 * rate)
    check(f"{name}: breath peaks matched within 10 ms (share)", matched / max(len(peaks), 1), 1.0, 0.005)
    check(f"{name}: breathing rate (per minute)", ours["breathing"]["rate"], rate_theirs, 0.5, "absolute")


def breathing_recordings():
    with bz2.open(os.path.join(site, "pyphysio", "test_data", "medical.txt.bz2"), "rt") as f:
        medical = np.loadtxt(f, delimiter="\t")
    yield "pyphysio medical.txt (breathing)", medical[:, 3], 2048.0
    yield "systole Task1_Respiration.npy", np.load(os.path.join(site, "systole", "datasets", "Task1_Respiration.npy")), 1000.0


def skin(name, samples, rate):
    path = write(samples)
    try:
        out = unknot("signals", "analyze", "--eda", path, "--rate", str(rate), "--format", "json")
    finally:
        os.unlink(path)
    if out is None:
        return
    ours = json.loads(out)["responses"]
    cleaned = nk.eda_clean(samples, sampling_rate=rate)
    phasic = nk.eda_phasic(cleaned, sampling_rate=rate)["EDA_Phasic"].values
    _, info = nk.eda_peaks(phasic, sampling_rate=rate)
    check(f"{name}: skin conductance responses ({len(info['SCR_Peaks'])})", len(ours), len(info["SCR_Peaks"]), 0.10)


def skin_recordings():
    with bz2.open(os.path.join(site, "pyphysio", "test_data", "medical.txt.bz2"), "rt") as f:
        medical = np.loadtxt(f, delimiter="\t")
    yield "pyphysio medical.txt (EDA)", medical[:, 1], 2048.0
    yield "systole Task1_EDA.npy", np.load(os.path.join(site, "systole", "datasets", "Task1_EDA.npy")), 1000.0


def pulse(name, samples, rate):
    path = write(samples)
    try:
        out = unknot("signals", "analyze", "--ppg", path, "--rate", str(rate), "--format", "json")
    finally:
        os.unlink(path)
    if out is None:
        return
    ours = json.loads(out)
    cleaned = nk.ppg_clean(samples, sampling_rate=rate)
    _, info = nk.ppg_peaks(cleaned, sampling_rate=rate)
    peaks = np.asarray(info["PPG_Peaks"])
    hrv = nk.hrv_time(peaks, sampling_rate=rate)
    our_peaks = np.array(ours["rPeaks"])
    check(f"{name}: systolic peaks ({len(peaks)})", len(our_peaks), len(peaks), 0.005)
    matched = sum(1 for p in peaks if len(our_peaks) and np.min(np.abs(our_peaks - p)) <= 0.010 * rate)
    check(f"{name}: systolic peaks matched within 10 ms (share)", matched / max(len(peaks), 1), 1.0, 0.005)
    check(f"{name}: mean heart rate (bpm)", ours["hrv"]["heartRate"], 60000 / float(hrv["HRV_MeanNN"].iloc[0]), 0.02)
    check(f"{name}: RMSSD (ms)", ours["hrv"]["rmssd"], float(hrv["HRV_RMSSD"].iloc[0]), 0.02)
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


def pulse_recordings():
    import heartpy

    folder = os.path.join(site, "heartpy", "data")
    yield "heartpy data.csv", np.loadtxt(os.path.join(folder, "data.csv")), 100.0
    data, timer = heartpy.load_exampledata(1)
    yield "heartpy data2.csv", np.asarray(data, dtype=float), float(heartpy.get_samplerate_mstimer(timer))
    data, timer = heartpy.load_exampledata(2)
    rate = float(heartpy.get_samplerate_datetime(timer, timeformat="%Y-%m-%d %H:%M:%S.%f"))
    yield "heartpy data3.csv", np.asarray(data, dtype=float), rate


def intervals(name, nn):
    path = write(nn)
    try:
        out = unknot("signals", "analyze", "--nn", path, "--format", "json")
    finally:
        os.unlink(path)
    if out is None:
        return
    ours = json.loads(out)
    peaks = np.concatenate([[0], np.cumsum(nn)]).astype(int)
    hrv = nk.hrv_time(peaks, sampling_rate=1000)
    frequency = nk.hrv_frequency(peaks, sampling_rate=1000)
    check(f"{name}: mean heart rate (bpm)", ours["hrv"]["heartRate"], 60000 / float(hrv["HRV_MeanNN"].iloc[0]), 0.02)
    check(f"{name}: RMSSD (ms)", ours["hrv"]["rmssd"], float(hrv["HRV_RMSSD"].iloc[0]), 0.02)
    check(f"{name}: SDNN (ms)", ours["hrv"]["sdnn"], float(hrv["HRV_SDNN"].iloc[0]), 0.02)
    for band in ["LF", "HF"]:
        theirs = float(frequency[f"HRV_{band}"].iloc[0])
        if not np.isnan(theirs):
            check(f"{name}: {band} power (normalised)", ours[band.lower()], theirs, 0.05)


timing = None
for series in ["SampleNNISeriesShort.npy", "SampleNNISeriesLong.npy"]:
    intervals(f"pyhrv {series}", np.load(os.path.join(site, "pyhrv", "files", series)).astype(float))

for name, samples, rate in pulse_recordings():
    pulse(name, samples, rate)

for name, samples, rate in skin_recordings():
    skin(name, samples, rate)

for name, samples, rate in breathing_recordings():
    breathing(name, samples, rate)

for name, samples, rate in recordings():
    path = write(samples)
    try:
        filters(name, path, samples, rate)
        seconds = ecg(name, path, samples, rate)
        if name.startswith("systole") and seconds is not None:
            started = time.perf_counter()
            _, info = nk.ecg_process(samples, sampling_rate=rate)
            nk.hrv_time(info["ECG_R_Peaks"], sampling_rate=rate)
            nk.hrv_frequency(info["ECG_R_Peaks"], sampling_rate=rate)
            timing = (*seconds, time.perf_counter() - started)
    finally:
        os.unlink(path)

width = max(len(r[0]) for r in rows)
print(f"{'check'.ljust(width)}  {'unknot':>12}  {'peer':>12}  {'error':>10}  {'limit':>8}")
for name, ours, theirs, error, tolerance, verdict in rows:
    print(f"{name.ljust(width)}  {ours:12.6g}  {theirs:12.6g}  {error:10.3g}  {tolerance:8.3g}  {verdict}")

if timing is None:
    failures.append("timing")
else:
    ours, theirs, whole = timing
    ratio = theirs / ours
    print(
        f"\nECG to HRV on systole's 25.6-minute ECG (1000 Hz), same run:\n"
        f"  step for step (clean, R peaks, HRV): Unknot {ours * 1000:.1f} ms, neurokit2 {theirs * 1000:.1f} ms: "
        f"{ratio:.1f} times faster (needs 20)\n"
        f"  neurokit2's whole pipeline (ecg_process + hrv_time + hrv_frequency): {whole * 1000:.0f} ms, "
        f"{whole / ours:.0f} times Unknot's (for information: it also delineates waves and rates quality)"
    )
    if ratio < 20:
        failures.append("speed ratio")

if failures:
    print(f"\ncrosscheck: {len(failures)} miss(es): {', '.join(failures)}", file=sys.stderr)
    sys.exit(1)
print("\ncrosscheck: every check passed")
