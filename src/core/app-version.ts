// The app's version, written into exported model bundles (equal to package.json's, tested).
export const APP_VERSION = '0.1.0';
