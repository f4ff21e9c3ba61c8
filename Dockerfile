FROM python:3.11-slim-bookworm
# Pango for WeasyPrint's text layout; fonts come with the portal's static files.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
 && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home portal
WORKDIR /app
COPY pyproject.toml ./
RUN pip install --no-cache-dir .
COPY . .
RUN mkdir -p /app/var/media /app/var/staticfiles && chown -R portal /app/var
USER portal
EXPOSE 8000
