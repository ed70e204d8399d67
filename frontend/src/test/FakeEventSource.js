/** Stands in for EventSource: tests open, feed and break streams by hand. */
export class FakeEventSource {
  static instances = [];

  constructor(url) {
    this.url = url;
    this.closed = false;
    FakeEventSource.instances.push(this);
  }

  close() {
    this.closed = true;
  }

  open() {
    this.onopen?.();
  }

  emit(data) {
    this.onmessage?.({ data: typeof data === 'string' ? data : JSON.stringify(data) });
  }

  fail() {
    this.onerror?.();
  }

  static latest() {
    return FakeEventSource.instances.at(-1);
  }
}
