export declare const DEFAULT_CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: readonly string[];
