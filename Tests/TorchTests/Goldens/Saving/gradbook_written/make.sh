#!/bin/sh
# Writes the .pt files Gradbook saves (from the hex write_with_gradbook.py prints), then
# loads them in real PyTorch: check_in_pytorch.out is that run's output.
set -e
cd "$(dirname "$0")"
../../../../../.build/debug/gradbook exec write_with_gradbook.py | while read name hex; do
    printf '%s' "$hex" | xxd -r -p > "$name"
done
~/torch-venv/bin/python check_in_pytorch.py > check_in_pytorch.out 2>&1
