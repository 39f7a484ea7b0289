/** The message of whatever a library threw, for warnings and error messages. */
export function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
