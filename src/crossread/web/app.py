"""FastAPI app. Article text only ever reaches a page through autoescaped templates; no path
from a request is ever opened; uploads are capped in count and size; URL fetching keeps the
private-address guard."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse
from jinja2 import Environment, PackageLoader, select_autoescape
from pydantic import BaseModel, Field
from starlette.datastructures import UploadFile as StarletteUpload

from crossread import __version__
from crossread.config import MB, Config
from crossread.model import Article, Brief, ReadError

MAX_ARTICLES = 30
MAX_TEXT = 2 * MB  # per article, in characters or bytes
MAX_TOTAL = 10 * MB
_SPLIT = re.compile(r"^\s*---+\s*$", re.MULTILINE)

_env = Environment(loader=PackageLoader("crossread.web", "templates"),
                   autoescape=select_autoescape(default=True, default_for_string=True))


class ArticleIn(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT)
    title: str | None = Field(default=None, max_length=1000)
    outlet: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=2000)
    published: str | None = Field(default=None, max_length=40)


class BriefIn(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_ARTICLES)
    words: int = Field(default=200, ge=20, le=2000)


def _brief(articles: list[Article], errors: list[ReadError], config: Config) -> Brief:
    from crossread.pipeline import compare_articles, process_all
    from crossread.summarise import summarise

    errs = list(errors)
    # no exception text on a web page: it may carry internals
    done = process_all(articles, config, errs, detail=False)
    if not done:
        raise HTTPException(422, "; ".join(str(e) for e in errs) or "nothing could be read")
    return summarise(compare_articles(done, errs), words=config.words)


def _from_payload(items: list[ArticleIn]) -> list[Article]:
    import dataclasses

    from crossread.ingest.identity import content_id, normalise_date, outlet_from_url
    from crossread.ingest.plaintext import read_plain

    out = []
    for i, it in enumerate(items):
        art = read_plain(it.text, f"article {i + 1}")
        if it.title:
            art = dataclasses.replace(art, title=it.title, raw_title=it.title, body_start=0)
        out.append(dataclasses.replace(
            art, index=i, id=content_id(art.text, it.title),
            outlet=(it.outlet or outlet_from_url(it.url) or f"article {i + 1}").strip(),
            url=it.url, published=normalise_date(it.published)))
    return out


async def _from_form(text: str, urls: str, files: list[UploadFile],
                     config: Config) -> tuple[list[Article], list[ReadError]]:
    import dataclasses

    from crossread.ingest import InputError, read_one, read_upload

    articles: list[Article] = []
    errors: list[ReadError] = []
    pasted = [p.strip() for p in _SPLIT.split(text or "") if p.strip()]
    for k, p in enumerate(pasted):
        try:
            arts, errs = read_upload(p.encode("utf-8"), f"pasted {k + 1}.txt", "text/plain",
                                     config)
        except InputError as exc:
            errors.append(ReadError(f"pasted report {k + 1}", str(exc)))
            continue
        errors.extend(errs)
        articles += arts
    total = sum(len(p) for p in pasted)
    for f in files or []:
        if not f.filename:
            continue
        data = await f.read(MAX_TEXT + 1)
        total += len(data)
        name = f.filename.rsplit("/", 1)[-1]
        if len(data) > MAX_TEXT:
            errors.append(ReadError(name, f"too large: over {MAX_TEXT // MB} MB"))
            continue
        try:
            arts, errs = read_upload(data, name, f.content_type, config)
        except InputError as exc:
            errors.append(ReadError(name, str(exc)))
            continue
        errors.extend(errs)
        articles += arts
    for u in (urls or "").split():
        try:
            arts, errs = read_one(u, config) if u.startswith(("http://", "https://")) else (
                [], [ReadError(u, "not an http(s) URL")])
        except InputError as exc:
            errors.append(ReadError(u, str(exc)))
            continue
        errors.extend(errs)
        articles += arts
    if total > MAX_TOTAL:
        raise HTTPException(413, f"too much input: over {MAX_TOTAL // MB} MB in all")
    if len(articles) > MAX_ARTICLES:
        raise HTTPException(413, f"too many articles: at most {MAX_ARTICLES}")
    return [dataclasses.replace(a, index=i) for i, a in enumerate(articles)], errors


def create_app(allow_private: bool = False, db: str | None = None,
               stories: bool = True) -> FastAPI:
    """`db` is the story store (path or URL; None: $CROSSREAD_DB or the default file);
    `stories=False` serves only the form and the API, with no store at all."""
    app = FastAPI(title="crossread", version=__version__,
                  description="Many news reports of one event in, one sourced brief out.")
    base = Config(allow_private=allow_private, timeout=10.0, max_bytes=MAX_TEXT)
    if stories:
        _story_routes(app, db, base)

    @app.get("/", response_class=HTMLResponse)
    def index() -> str:
        return _env.get_template("form.html.j2").render(errors=[], text="", urls="", words=200,
                                                        date="")

    @app.post("/brief", response_class=HTMLResponse)
    async def brief_page(text: Annotated[str, Form()] = "", urls: Annotated[str, Form()] = "",
                         words: Annotated[int, Form(ge=20, le=2000)] = 200,
                         date: Annotated[str, Form(pattern=r"^(\d{4}-\d{2}-\d{2})?$")] = "",
                         files: Annotated[list[UploadFile] | None, File()] = None) -> str:
        import dataclasses

        from crossread.render.html import render_html

        config = dataclasses.replace(base, words=words, published=date or None)
        articles, errors = await _from_form(text, urls, files or [], config)
        if not articles:
            msgs = [str(e) for e in errors] or ["Paste, upload or link at least one report."]
            return _env.get_template("form.html.j2").render(errors=msgs, text=text, urls=urls,
                                                            words=words, date=date)
        return render_html(_brief(articles, errors, config))

    @app.post("/api/brief", openapi_extra={"requestBody": {"content": {
        "application/json": {"schema": BriefIn.model_json_schema()},
        "multipart/form-data": {"schema": {"type": "object", "properties": {
            "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
            "words": {"type": "integer", "default": 200}}}}}}})
    async def api_brief(request: Request) -> JSONResponse:
        """The same JSON document as `crossread brief --format json`, from JSON
        `{"articles": [{"text", "title", "outlet", "url", "published"}], "words"}` (only `text`
        is required) or from multipart file uploads (`files`, `words`)."""
        import dataclasses

        from pydantic import ValidationError

        from crossread.render.json import brief_dict

        ctype = request.headers.get("content-type", "")
        if ctype.startswith("multipart/form-data"):
            form = await request.form(max_files=MAX_ARTICLES, max_fields=10)
            files = [f for f in form.getlist("files") if isinstance(f, StarletteUpload)]
            try:
                words = int(str(form.get("words") or 200))
            except ValueError:
                raise HTTPException(422, "words must be a whole number") from None
            config = dataclasses.replace(base, words=min(max(words, 20), 2000))
            articles, errors = await _from_form("", "", files, config)  # type: ignore[arg-type]
            if not articles:
                raise HTTPException(422, "; ".join(str(e) for e in errors) or "no article")
            return JSONResponse(brief_dict(_brief(articles, errors, config)))
        try:
            payload = BriefIn.model_validate_json(await request.body())
        except ValidationError as exc:
            raise HTTPException(422, exc.errors(include_url=False, include_input=False)) from None
        config = dataclasses.replace(base, words=payload.words)
        return JSONResponse(brief_dict(_brief(_from_payload(payload.articles), [], config)))

    return app


PAGE = 50


def _story_routes(app: FastAPI, db: str | None, base: Config) -> None:
    """The stored stories: a list, each story's brief as a page, and both as JSON."""
    from functools import lru_cache

    from crossread.model import to_dict

    @lru_cache(maxsize=1)
    def store():  # opened at first use, so a form-only visit never touches the database
        from crossread.store import open_store

        return open_store(db)

    def listing(limit: int, offset: int):
        with store().transaction(readonly=True) as tx:
            return tx.list_stories(limit=limit, offset=offset), tx.story_count()

    def story_or_404(story_id: int) -> Brief:
        from crossread.corpus import story_brief

        found = story_brief(store(), story_id, base)
        if found is None:
            raise HTTPException(404, f"no story {story_id}")
        return found

    @app.get("/stories", response_class=HTMLResponse)
    def stories_page(page: Annotated[int, Query(ge=1)] = 1) -> str:
        rows, total = listing(PAGE, (page - 1) * PAGE)
        return _env.get_template("stories.html.j2").render(
            stories=rows, total=total, page=page, pages=max(1, -(-total // PAGE)))

    @app.get("/stories/{story_id}", response_class=HTMLResponse)
    def story_page(story_id: int) -> str:
        from crossread.render.html import render_html

        return render_html(story_or_404(story_id))

    @app.get("/api/stories")
    def api_stories(limit: Annotated[int, Query(ge=1, le=1000)] = PAGE,
                    offset: Annotated[int, Query(ge=0)] = 0) -> JSONResponse:
        """Live stories, most recently updated first: `[{id, headline, articles: [{id,
        external_id, outlet, title, published, copy_of}], first_seen, last_seen}]`."""
        rows, _total = listing(limit, offset)
        return JSONResponse([to_dict(s) for s in rows])

    @app.get("/api/stories/{story_id}")
    def api_story(story_id: int) -> JSONResponse:
        """The story's brief, the same document as `crossread brief --story ID -f json`."""
        from crossread.render.json import brief_dict

        return JSONResponse(brief_dict(story_or_404(story_id)))
