"""Runs policy_sentry's own create_database over a folder of Service Authorization
Reference pages and times it: the peer issue 21's AWS target is stated against.

usage: python3 peer_policy_sentry.py POLICY_SENTRY_DIR PAGES_DIR
POLICY_SENTRY_DIR holds the policy_sentry package (pip install --target DIR
policy_sentry; its dependencies are Debian's python3-bs4, -lxml, -yaml, -requests,
-schema, -click). The pages are read from PAGES_DIR instead of the package's bundled
copy, and an empty overrides file is passed, so the database holds the pages' own
words (the figure "without its overrides"). Prints one JSON line: services,
actions, and the wall and CPU seconds of create_database (imports excluded).
"""

import json
import os
import sys
import tempfile
import time
from pathlib import Path


def main():
    package, pages = sys.argv[1], sys.argv[2]
    sys.path.insert(0, package)
    from policy_sentry.shared import awsdocs  # noqa: E402  (after the path is set)

    awsdocs.LOCAL_HTML_DIRECTORY_PATH = Path(pages)
    with tempfile.TemporaryDirectory() as tmp:
        overrides = Path(tmp) / "no-overrides.yml"
        overrides.write_text("{}\n")
        start, cpu = time.perf_counter(), time.process_time()
        awsdocs.create_database(tmp, overrides)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        with open(os.path.join(tmp, "iam-definition.json"), encoding="utf-8") as f:
            db = json.load(f)
    services = [v for v in db.values() if isinstance(v, dict)]
    print(json.dumps({"services": len(services), "actions": sum(len(s["privileges"]) for s in services),
                      "seconds": seconds, "cpu_seconds": cpu}))


if __name__ == "__main__":
    main()
