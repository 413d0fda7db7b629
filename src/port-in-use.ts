/** Did listening fail because the port is taken? */
export const isPortInUse = (err: unknown): boolean => (err as NodeJS.ErrnoException | undefined)?.code === "EADDRINUSE";

/** The one line printed when a port is taken, naming the variable that sets it. */
export function portInUseMessage(variable: string, port: number, note?: string): string {
  return `Port ${port} is already in use${note ? ` (${note})` : ""}. Set ${variable} to a free port (for example ${variable}=${port + 10}) and start again.`;
}
