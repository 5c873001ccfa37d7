print("trcaa-bench: no benchmarks yet")
