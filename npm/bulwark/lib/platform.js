'use strict';

/** `linux-x64-gnu`, `darwin-arm64`, `win32-x64-msvc`, ...: napi-rs's platform names. */
function platformTriple() {
  const { platform, arch } = process;
  if (platform === 'linux') {
    const report = process.report && process.report.getReport();
    const glibc = report && report.header && report.header.glibcVersionRuntime;
    return `linux-${arch}-${glibc ? 'gnu' : 'musl'}`;
  }
  if (platform === 'win32') return `win32-${arch}-msvc`;
  return `${platform}-${arch}`;
}

/** The file name of the native addon for this platform, in the package root. */
const nativeFile = `bulwark.${platformTriple()}.node`;

module.exports = { platformTriple, nativeFile };
