"""A snapshot's WARC read by warcio: `warcio check` and `warcio index`
accept it; a corrupted copy is refused; a truncated copy, which warcio
reads without complaint, is caught by comparing each record's declared
length with what can be read. Usage: python warc_check.py FILE.warc.gz"""
import gzip
import pathlib
import subprocess
import sys
import tempfile

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

for failure in failures:
    print("FAIL", failure, file=sys.stderr)
if failures:
    sys.exit(1)
print(f"warcio: {len(records)} records check and index; corrupted and truncated copies are caught")
