/** Why an input was not stored: a stable kind for code, a message for people. */
export interface IngestFailure {
  readonly kind:
    | "missing"
    | "unsupported"
    | "binary"
    | "undecodable"
    /** A Markdown file's front matter is not YAML of `key: value` lines. */
    | "invalid_front_matter"
    | "empty"
    | "too_large"
    | "not_english"
    | "fetch_failed"
    | "extract_failed"
    | "store_failed"
    /** A queued job whose data is not a document to ingest. */
    | "invalid_job";
  readonly message: string;
}
