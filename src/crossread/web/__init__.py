"""The web app: paste, upload or link reports, get the brief page; and a JSON API."""
