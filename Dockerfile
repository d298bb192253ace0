FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY evenwijdig ./evenwijdig
COPY services ./services
COPY gateway ./gateway
COPY bench ./bench
RUN pip install --no-cache-dir . && useradd --system --uid 10001 evenwijdig
USER evenwijdig
EXPOSE 8000
CMD ["evenwijdig", "serve"]
