"""A snapshot's WARC read by warcio: `warcio check` and `warcio index`
accept it; a corrupted copy is refused; a truncated copy, which warcio
reads without complaint, is caught by comparing each record's declared
length with what can be read; and pywb, a standard replay tool, serves
its pages. Usage: python warc_check.py FILE.warc.gz"""
import gzip
import pathlib
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from warcio.archiveiterator import ArchiveIterator

warc = pathlib.Path(sys.argv[1])
bin_dir = pathlib.Path(sys.executable).parent
failures = []


def complete(path):
    """Every record's block as long as its Content-Length says."""
    try:
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream, no_record_parse=True):
                declared = int(record.rec_headers.get_header("Content-Length"))
                if len(record.raw_stream.read()) != declared:
                    return False
        return True
    except Exception:
        return False


def warcio(*args):
    return subprocess.run([str(bin_dir / "warcio"), *args], capture_output=True, text=True)


checked = warcio("check", "-v", str(warc))
if checked.returncode != 0 or "digest fail" in checked.stdout:
    failures.append(f"warcio check refuses the WARC:\n{checked.stdout}{checked.stderr}")
indexed = warcio("index", str(warc))
records = [line for line in indexed.stdout.splitlines() if line.strip()]
if indexed.returncode != 0 or len(records) < 3:
    failures.append(f"warcio index: {indexed.stderr}")
if not complete(warc):
    failures.append("a record is shorter than its Content-Length")

data = warc.read_bytes()
with tempfile.TemporaryDirectory() as tmp:
    # Corrupted: one byte of a payload changed, the file gzipped again.
    raw = bytearray(gzip.decompress(data))
    at = raw.find(b"<html")
    raw[at + 10] ^= 0x01
    corrupted = pathlib.Path(tmp, "corrupted.warc.gz")
    corrupted.write_bytes(gzip.compress(bytes(raw), mtime=0))
    result = warcio("check", str(corrupted))
    if result.returncode == 0:
        failures.append("warcio check accepts a corrupted WARC")
    # Truncated in the middle of the last record.
    truncated = pathlib.Path(tmp, "truncated.warc")
    truncated.write_bytes(gzip.decompress(data)[:-200])
    if complete(truncated):
        failures.append("a truncated WARC reads as complete")

# Replay: pywb serves a page of the snapshot, banner and all.
with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([str(bin_dir / "wb-manager"), "init", "snap"], cwd=tmp, check=True, capture_output=True)
    subprocess.run([str(bin_dir / "wb-manager"), "add", "snap", str(warc)], cwd=tmp, check=True, capture_output=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([str(bin_dir / "wayback"), "-p", str(port)], cwd=tmp,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        page = None
        target = next(
            l.split('"warc-target-uri": "')[1].split('"')[0]
            for l in records if '"warc-target-uri"' in l and l.rstrip().endswith('/"}')
        )
        for _ in range(60):
            try:
                url = f"http://127.0.0.1:{port}/snap/2100mp_/{target}"
                page = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
                break
            except Exception:
                time.sleep(0.5)
        if page is None or "archive-banner" not in page:
            failures.append(f"pywb does not replay {target}")
    finally:
        server.terminate()
        server.wait()

for failure in failures:
    print("FAIL", failure, file=sys.stderr)
if failures:
    sys.exit(1)
print(f"warcio: {len(records)} records check and index; corrupted and truncated copies are caught; pywb replays them")
