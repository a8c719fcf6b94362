// Object.groupBy arrived in Node 21; ZenStack 3.9 (its CLI and its ORM) calls it, and Tenantry
// supports Node 20.19+. Loaded with `node --import` before anything of ZenStack's.
if (typeof Object.groupBy !== 'function') {
  Object.defineProperty(Object, 'groupBy', {
    configurable: true,
    writable: true,
    value(items, keyOf) {
      const groups = Object.create(null);
      let index = 0;
      for (const item of items) {
        const key = keyOf(item, index++);
        if (key in groups) groups[key].push(item);
        else groups[key] = [item];
      }
      return groups;
    },
  });
}
