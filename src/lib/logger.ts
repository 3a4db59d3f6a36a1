export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/** Minimal structured logger: one JSON line per entry on stderr. Never pass secrets to it. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Logger {
  const at = (entryLevel: Exclude<LogLevel, "silent">) => {
    return (message: string, fields: Record<string, unknown> = {}) => {
      if (ORDER[entryLevel] < ORDER[level]) return;
      write(
        JSON.stringify({ time: new Date().toISOString(), level: entryLevel, message, ...fields }),
      );
    };
  };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}
