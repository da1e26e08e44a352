// Preloaded with --import: injects a plain Error, as a bug in the kit would throw, to test how
// `village` reports one. With VILLAGE_FAULT=TEXT set, the first write to standard output that
// contains TEXT throws instead of writing; everything written before it goes out as usual.
const marker = process.env.VILLAGE_FAULT;
if (marker) {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) => {
    if (String(chunk).includes(marker)) throw new Error(`injected fault at ${marker}`);
    return write(chunk, ...rest);
  };
}
