"""The pandas reference of the load benchmark (scripts/bench/load.ts).

Reads the six tables of a data folder with pandas' C parser (default type inference) and makes
a per-case summary of the VAS values (count, first, last, min, max, mean of value_nominal). It
checks nothing: no schema, no references between tables, no source texts, no quotes. It is the
floor the issue on loader scale compares the loader with ("pandas, same tables").

Usage: python3 pandas_reference.py DATA_DIR
Prints one JSON object: seconds, observations, peak resident set in MiB.
Exits 3, printing nothing, when pandas is not installed.
"""

import json
import resource
import sys
import time

try:
    import pandas as pd
except ImportError:
    sys.exit(3)

TABLES = ["sources", "cases", "timepoints", "treatments", "events", "observations"]


def main(data_dir: str) -> None:
    t0 = time.perf_counter()
    tables = {name: pd.read_csv(f"{data_dir}/{name}.csv") for name in TABLES}
    obs = tables["observations"]
    summary = obs.groupby("case_id")["value_nominal"].agg(
        ["count", "first", "last", "min", "max", "mean"]
    )
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "seconds": seconds,
                "observations": len(obs),
                "peakMiB": peak,
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
