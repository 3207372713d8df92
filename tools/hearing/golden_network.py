#!/usr/bin/env python3
"""Golden scores for Unknot's Swift YAMNet, from Google's `.tflite` run by LiteRT.

Runs the network on a log-mel patch twice: with LiteRT's reference kernels (the arithmetic
Unknot's network follows) and with its default CPU kernels (XNNPACK), and writes both score
vectors and the reference's pooled int8 embedding.

Usage: golden_network.py MODEL.tflite PATCH.f32 OUT_PREFIX
PATCH.f32: 96 x 64 float32 little-endian (frames, then bands), e.g. golden_frontend.py's output.
Writes OUT_PREFIX-reference.f32 and OUT_PREFIX-default.f32 (521 float32 each),
OUT_PREFIX-embedding.i8 (1,024 int8: the mean before the classifier) and OUT_PREFIX-logits.i8
(521 int8: the classifier before the logistic), both from the reference kernels.
"""
import sys

import numpy as np
from ai_edge_litert.interpreter import Interpreter, OpResolverType


def run(model, patch, kind):
    interpreter = Interpreter(model_path=model, experimental_op_resolver_type=kind,
                              experimental_preserve_all_tensors=kind == OpResolverType.BUILTIN_REF)
    interpreter.allocate_tensors()
    interpreter.set_tensor(interpreter.get_input_details()[0]["index"], patch)
    interpreter.invoke()
    scores = interpreter.get_tensor(interpreter.get_output_details()[0]["index"])[0]
    inner = {}
    if kind == OpResolverType.BUILTIN_REF:
        for detail in interpreter.get_tensor_details():
            if list(detail["shape"]) == [1, 1, 1, 1024]:
                inner["embedding"] = interpreter.get_tensor(detail["index"]).reshape(-1)
            if list(detail["shape"]) == [1, 521] and detail["dtype"] == np.int8 and detail["quantization"][1] != -128:
                inner["logits"] = interpreter.get_tensor(detail["index"]).reshape(-1)
    return scores, inner


def main():
    model, patch_file, prefix = sys.argv[1:4]
    patch = np.fromfile(patch_file, dtype="<f4").reshape(1, 96, 64)
    reference, inner = run(model, patch, OpResolverType.BUILTIN_REF)
    default, _ = run(model, patch, OpResolverType.AUTO)
    reference.astype("<f4").tofile(f"{prefix}-reference.f32")
    default.astype("<f4").tofile(f"{prefix}-default.f32")
    inner["embedding"].astype(np.int8).tofile(f"{prefix}-embedding.i8")
    inner["logits"].astype(np.int8).tofile(f"{prefix}-logits.i8")
    steps = np.abs(reference - default).max() * 256
    print(f"top class {reference.argmax()} at {reference.max():.4f}; reference vs default kernels: {steps:.0f} steps")


if __name__ == "__main__":
    main()
