export declare const CLI_EXTERNALS: string[];
