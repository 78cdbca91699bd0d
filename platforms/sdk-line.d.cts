export type SdkLine = 2 | 3;
export declare const SDK_PACKAGES: readonly string[];
export declare function sdkLine(env?: NodeJS.ProcessEnv): SdkLine;
export declare function sdkLineDir(line: SdkLine, root?: string): string;
export declare function sdkLineModules(line: SdkLine, root: string): Record<string, string>;
export declare function sdkLineRequire(line?: SdkLine): NodeJS.Require;
