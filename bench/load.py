"""A fixed number of HTTP requests at a fixed concurrency, on loopback, with keep-alive connections.

The client is a few lines of asyncio speaking HTTP/1.1 (one connection per concurrent
client), not httpx: on this 2-core machine httpx's async client topped out near 300 requests/s
against the bare endpoint and fell to ~160/s at 64 clients, so it measured itself rather than
the servers (this client drives the same endpoint at ~2,500-3,000/s). Every answer is checked:
HTTP 200 and no GraphQL ``errors``.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from bench.harness import percentile


@dataclass(frozen=True)
class Load:
    requests: int
    concurrency: int
    per_second: float
    p50_ms: float
    p99_ms: float


class BadAnswer(RuntimeError):
    """A request was refused or answered with GraphQL errors: the figure would mean nothing."""


def drive(url: str, body: bytes, headers: dict[str, str], total: int, concurrency: int) -> Load:
    """POST ``body`` ``total`` times from ``concurrency`` clients; throughput and latency percentiles."""
    return asyncio.run(_drive(url, body, headers, total, concurrency))


def http_request(url: str, body: bytes, headers: dict[str, str]) -> bytes:
    parts = urlsplit(url)
    lines = [f"POST {parts.path} HTTP/1.1", f"Host: {parts.netloc}", "Content-Type: application/json",
             f"Content-Length: {len(body)}", *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


async def _drive(url: str, body: bytes, headers: dict[str, str], total: int, concurrency: int) -> Load:
    parts, request = urlsplit(url), http_request(url, body, headers)
    connections = [await asyncio.open_connection(parts.hostname, parts.port) for _ in range(concurrency)]
    try:
        # Warm up: let the server settle (its caches, the directory catch-up) before timing.
        await _batch(connections, request, [0.0] * min(total, concurrency + 8))
        latencies = [0.0] * total
        started = time.perf_counter()
        await _batch(connections, request, latencies)
        elapsed = time.perf_counter() - started
    finally:
        for _, writer in connections:
            writer.close()
    return Load(total, concurrency, total / elapsed, percentile(latencies, 50) * 1000, percentile(latencies, 99) * 1000)


async def _batch(connections: list, request: bytes, latencies: list[float]) -> None:  # noqa: ANN001
    pending = iter(range(len(latencies)))

    async def client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        for index in pending:
            sent = time.perf_counter()
            writer.write(request)
            await writer.drain()
            await _answer(reader)
            latencies[index] = time.perf_counter() - sent

    await asyncio.gather(*(client(reader, writer) for reader, writer in connections))


async def _answer(reader: asyncio.StreamReader) -> bytes:
    head = await reader.readuntil(b"\r\n\r\n")
    status, *fields = head.decode("latin-1").split("\r\n")
    length = next((int(f.split(":", 1)[1]) for f in fields if f.lower().startswith("content-length:")), None)
    if length is None:
        raise BadAnswer(f"an answer without Content-Length: {status}")
    body = await reader.readexactly(length)
    if not status.startswith("HTTP/1.1 200"):
        raise BadAnswer(f"{status}: {body[:200]!r}")
    if b'"errors"' in body[:200]:
        raise BadAnswer(f"GraphQL errors: {body[:300]!r}")
    return body
