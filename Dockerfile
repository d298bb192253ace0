# The gateway image: code installed from the package, run as an unprivileged user whose only
# writable place is the data volume (/data: SQLite files in development, generated development keys).
# /app is root-owned and read-only to that user; nothing is written beside the code.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    EVENWIJDIG_DATA_DIR=/data \
    EVENWIJDIG_HOST=0.0.0.0 \
    EVENWIJDIG_PORT=8000
WORKDIR /app
COPY pyproject.toml README.md requirements.lock ./
COPY evenwijdig ./evenwijdig
COPY services ./services
COPY gateway ./gateway
COPY bench ./bench
# Every package exactly as the lock file names it, each checked against its SHA-256; then the project
# itself, built with the locked setuptools and nothing else (the report's bytes depend on these).
RUN pip install --no-cache-dir --require-hashes --no-deps -r requirements.lock \
 && pip install --no-cache-dir --no-deps --no-build-isolation . \
 && useradd --system --uid 10001 --user-group --home-dir /data --no-create-home --shell /usr/sbin/nologin evenwijdig \
 && install -d -o 10001 -g 10001 -m 0700 /data
VOLUME ["/data"]
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=5s --retries=6 \
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/readyz', timeout=3)"]
# In production the settings refuse to start without OIDC, key-store keys and the signing key
# (every missing one is named at once, exit 2): the container stops instead of running half-configured.
ENTRYPOINT ["evenwijdig"]
CMD ["serve"]
