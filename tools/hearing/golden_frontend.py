#!/usr/bin/env python3
"""The reference front end of YAMNet, independently of Unknot's Swift, with numpy.

Follows TensorFlow's `tf.signal.stft` (no end padding, periodic Hann window) and
`tf.signal.linear_to_mel_weight_matrix` (HTK mel, weights linear in mel, the DC bin unused), as
YAMNet's features.py uses them: 400-sample window, hop 160, FFT 512, 64 bands 125-7500 Hz,
ln(mel + 0.001) of the magnitude spectrogram.

Usage: golden_frontend.py AUDIO.bin OUT.f32
AUDIO.bin: int16 little-endian mono at 16 kHz. OUT.f32: the first 96 x 64 log-mel patch,
float32 little-endian, row-major (frames, then bands).
"""
import sys

import numpy as np


def mel(hertz):
    return 1127.0 * np.log(1.0 + hertz / 700.0)


def weights(bins=257, bands=64, rate=16000.0, lower=125.0, upper=7500.0):
    freqs = np.linspace(0.0, rate / 2.0, bins)[1:]
    spectrogram_mel = mel(freqs)[:, None]
    edges = np.linspace(mel(lower), mel(upper), bands + 2)
    left, centre, right = edges[:-2], edges[1:-1], edges[2:]
    lower_slope = (spectrogram_mel - left) / (centre - left)
    upper_slope = (right - spectrogram_mel) / (right - centre)
    w = np.maximum(0.0, np.minimum(lower_slope, upper_slope))
    return np.vstack([np.zeros((1, bands)), w])  # the DC bin gets no weight


def patch(samples):
    window = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(400) / 400)  # periodic Hann
    count = 1 + (len(samples) - 400) // 160
    frames = np.stack([samples[i * 160:i * 160 + 400] * window for i in range(count)])
    magnitude = np.abs(np.fft.rfft(frames, n=512))
    return np.log(magnitude @ weights() + 0.001)[:96]


def main():
    audio = np.fromfile(sys.argv[1], dtype="<i2").astype(np.float64) / 32768.0
    patch(audio).astype("<f4").tofile(sys.argv[2])


if __name__ == "__main__":
    main()
