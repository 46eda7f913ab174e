/** Disjoint sets over arbitrary keys, for joining documents, claims or reports into groups. */
export interface UnionFind<T> {
  /** Registers a key as its own group if it is new. */
  add(key: T): void;
  join(a: T, b: T): void;
  /** The representative of the key's group (the key itself if never joined). */
  find(key: T): T;
  /** Every group, members in the order they were first seen; groups in the order of their first member. */
  groups(): T[][];
}

export function createUnionFind<T>(): UnionFind<T> {
  const parent = new Map<T, T>();

  const add = (key: T): void => {
    if (!parent.has(key)) parent.set(key, key);
  };
  const find = (key: T): T => {
    add(key);
    let root = key;
    while (parent.get(root) !== root) root = parent.get(root) as T;
    // Path compression keeps later finds near-constant.
    let node = key;
    while (node !== root) {
      const next = parent.get(node) as T;
      parent.set(node, root);
      node = next;
    }
    return root;
  };

  return {
    add,
    find,
    join(a, b) {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent.set(rb, ra);
    },
    groups() {
      const byRoot = new Map<T, T[]>();
      for (const key of parent.keys()) {
        const root = find(key);
        const group = byRoot.get(root);
        if (group) group.push(key);
        else byRoot.set(root, [key]);
      }
      return [...byRoot.values()];
    },
  };
}

/** Disjoint sets over the indices 0..size-1: typed arrays, for the hot loops of claim clustering. */
export interface IndexUnionFind {
  find(index: number): number;
  join(a: number, b: number): void;
}

export function createIndexUnionFind(size: number): IndexUnionFind {
  const parent = Int32Array.from({ length: size }, (_, i) => i);
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root] ?? root;
    let node = index;
    while (node !== root) {
      const next = parent[node] ?? root;
      parent[node] = root;
      node = next;
    }
    return root;
  };
  return {
    find,
    join(a, b) {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent[rb] = ra;
    },
  };
}
