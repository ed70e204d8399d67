/** An RFC 9457 problem returned by the API, or a network failure dressed as one. */
export class ApiError extends Error {
  constructor({ status = 0, type = 'about:blank', title, detail, errors = [], retryAfter = null } = {}) {
    super(detail || title || (status ? `Request failed with status ${status}` : 'Network error'));
    this.name = 'ApiError';
    this.status = status;
    this.type = type;
    this.title = title ?? '';
    this.detail = detail ?? '';
    this.errors = Array.isArray(errors) ? errors : [];
    this.retryAfter = retryAfter;
  }

  /** Field messages keyed by field name, for forms. */
  fieldErrors() {
    const byField = {};
    for (const { field, message } of this.errors) {
      if (field && !byField[field]) byField[field] = message;
    }
    return byField;
  }

  /** One sentence for the user. */
  userMessage() {
    if (this.status === 0) return 'Cannot reach the server. Check your connection and try again.';
    if (this.status === 429 && this.retryAfter != null) {
      return `${this.detail || this.title || 'Too many attempts.'} Try again in ${this.retryAfter} seconds.`;
    }
    return this.detail || this.title || this.message;
  }
}

function parseRetryAfter(header) {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Reads a failed response into an ApiError, whatever its body holds. */
export async function problemFromResponse(response) {
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  const contentType = response.headers.get('Content-Type') ?? '';
  let body = {};
  if (contentType.includes('json')) {
    try {
      body = await response.json();
    } catch {
      body = {};
    }
  }
  return new ApiError({
    status: response.status,
    type: body.type,
    title: body.title || response.statusText,
    detail: body.detail,
    errors: body.errors,
    retryAfter,
  });
}
