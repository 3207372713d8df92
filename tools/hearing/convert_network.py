#!/usr/bin/env python3
"""Converts YAMNet's int8 TFLite network into Unknot's plain network file (format 1).

The `.tflite` file is read with the flatbuffer schema that ships with `ai-edge-litert`; nothing
is computed or re-quantised here: weights, biases, scales and zero points are copied as they
are, so the Swift network does the arithmetic the TFLite reference kernels do.

The file (documented in docs/hearing.md):
  bytes 0-7   "UNKNOTNN"
  bytes 8-11  manifest length M, uint32 little-endian
  M bytes     the manifest, UTF-8 JSON: the input's quantisation, then each layer in order
  padding     zeros up to a multiple of 16
  the blob    every array the manifest points to, each as [offset, count] into the blob
              (int8 weights, int32 biases, float32 per-channel scales; little-endian)

Usage: convert_network.py MODEL.tflite OUT
"""
import hashlib
import json
import struct
import sys

import numpy as np
from ai_edge_litert import schema_py_generated as schema

OPS = {value: name for name, value in schema.BuiltinOperator.__dict__.items() if not name.startswith("_")}
ACTIVATIONS = {0: "none", 1: "relu", 3: "relu6"}


class Blob:
    def __init__(self):
        self.data = bytearray()

    def add(self, array, dtype):
        array = np.ascontiguousarray(array, dtype=dtype)
        while len(self.data) % 16:
            self.data.append(0)
        offset = len(self.data)
        self.data += array.tobytes()
        return [offset, int(array.size)]


def main():
    source, target = sys.argv[1], sys.argv[2]
    raw = open(source, "rb").read()
    model = schema.Model.GetRootAsModel(raw, 0)
    graph = model.Subgraphs(0)
    blob = Blob()

    def tensor(index):
        return graph.Tensors(index)

    def values(index):
        t = tensor(index)
        buffer = model.Buffers(t.Buffer())
        dtype = {schema.TensorType.INT8: np.int8, schema.TensorType.INT32: np.int32}[t.Type()]
        return np.frombuffer(buffer.DataAsNumpy().tobytes(), dtype=dtype).reshape(t.ShapeAsNumpy())

    def quantization(index):
        q = tensor(index).Quantization()
        scales, points = q.ScaleAsNumpy(), q.ZeroPointAsNumpy()
        return scales, points

    def single(index):
        scales, points = quantization(index)
        assert len(scales) == 1 and len(points) == 1, f"tensor {index}: one scale expected"
        return {"scale": float(scales[0]), "zeroPoint": int(points[0])}

    def per_channel(index, channels):
        scales, points = quantization(index)
        assert len(scales) == channels and not np.any(points), f"tensor {index}: symmetric per-channel weights expected"
        return blob.add(scales, "<f4")

    layers, network_input, network_output = [], None, None
    for i in range(graph.OperatorsLength()):
        op = graph.Operators(i)
        code = model.OperatorCodes(op.OpcodeIndex())
        kind = OPS[max(code.BuiltinCode(), code.DeprecatedBuiltinCode())]
        inputs = [op.Inputs(j) for j in range(op.InputsLength())]
        output = op.Outputs(0)
        options = op.BuiltinOptions()
        if kind == "QUANTIZE":
            shape = tensor(inputs[0]).ShapeAsNumpy().tolist()
            network_input = {"height": shape[1], "width": shape[2], "channels": 1, **single(output)}
        elif kind in ("RESHAPE", "SPLIT"):
            continue  # the same bytes, seen differently
        elif kind in ("CONV_2D", "DEPTHWISE_CONV_2D"):
            parsed = schema.Conv2DOptions() if kind == "CONV_2D" else schema.DepthwiseConv2DOptions()
            parsed.Init(options.Bytes, options.Pos)
            assert parsed.Padding() == schema.Padding.SAME and parsed.StrideH() == parsed.StrideW()
            assert parsed.DilationHFactor() == 1 and parsed.DilationWFactor() == 1
            weights, bias = values(inputs[1]), values(inputs[2])
            if kind == "DEPTHWISE_CONV_2D":
                assert parsed.DepthMultiplier() == 1
                _, kh, kw, channels = weights.shape
                outputs = channels
                weights = weights.reshape(kh, kw, channels)
            else:
                outputs, kh, kw, _ = weights.shape
            assert kh == kw
            layers.append({
                "kind": "convolution" if kind == "CONV_2D" else "depthwise",
                "kernel": int(kh),
                "stride": int(parsed.StrideH()),
                "inputChannels": int(tensor(inputs[0]).ShapeAsNumpy()[3]),
                "outputChannels": int(outputs),
                "activation": ACTIVATIONS[parsed.FusedActivationFunction()],
                "weights": blob.add(weights, np.int8),
                "weightScales": per_channel(inputs[1], outputs),
                "bias": blob.add(bias, "<i4"),
                "output": single(output),
            })
        elif kind == "MEAN":
            axes = values(inputs[1]).tolist()
            assert axes == [1, 2], "a mean over height and width expected"
            layers.append({"kind": "mean", "output": single(output)})
        elif kind == "FULLY_CONNECTED":
            parsed = schema.FullyConnectedOptions()
            parsed.Init(options.Bytes, options.Pos)
            weights, bias = values(inputs[1]), values(inputs[2])
            scales, _ = quantization(inputs[1])
            layers.append({
                "kind": "fullyConnected",
                "inputChannels": int(weights.shape[1]),
                "outputChannels": int(weights.shape[0]),
                "activation": ACTIVATIONS[parsed.FusedActivationFunction()],
                "weights": blob.add(weights, np.int8),
                "weightScales": blob.add(np.broadcast_to(scales, (weights.shape[0],)), "<f4"),
                "bias": blob.add(bias, "<i4"),
                "output": single(output),
            })
        elif kind == "LOGISTIC":
            layers.append({"kind": "logistic", "output": single(output)})
        elif kind == "DEQUANTIZE":
            network_output = {"count": int(tensor(output).ShapeAsNumpy()[-1])}
        else:
            raise SystemExit(f"operator {i}: {kind} is not supported")

    manifest = {
        "format": 1,
        "source": {
            "file": source.rsplit("/", 1)[-1],
            "sha256": hashlib.sha256(raw).hexdigest(),
            "origin": "google-coral/coralmicro, models/, commit c9f665b0a8b973d35cb9d383b3e92e9f14b4dd72 (Apache-2.0)",
        },
        "input": network_input,
        "layers": layers,
        "output": network_output,
    }
    text = json.dumps(manifest, indent=1).encode()
    head = b"UNKNOTNN" + struct.pack("<I", len(text)) + text
    head += b"\0" * (-len(head) % 16)
    with open(target, "wb") as handle:
        handle.write(head + bytes(blob.data))
    print(f"{target}: {len(layers)} layers, {len(blob.data)} bytes of arrays")


if __name__ == "__main__":
    main()
