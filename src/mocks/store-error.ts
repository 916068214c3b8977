/** A rule of the fake m3ter was broken: handlers answer `status` with `{ message }` (docs/m3ter-api.md §2.5). */
export class StoreError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
