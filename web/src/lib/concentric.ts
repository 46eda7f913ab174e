export interface NodeToPlace {
  readonly key: string;
  /** How active it is: the busiest go at the centre. */
  readonly weight: number;
  /** Its drawn radius, so that neighbours on a ring do not touch. */
  readonly radius: number;
}

export interface PlacedNode extends NodeToPlace {
  readonly x: number;
  readonly y: number;
}

export interface ConcentricOptions {
  /** Rings to divide the range of weights into (fewer when some are empty). */
  readonly levels: number;
  /** The least gap between two nodes, on a ring and between rings. */
  readonly spacing: number;
}

/** Each ring turns this much from the last, so that rings of one or two nodes do not line up. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Places nodes on concentric rings round (0, 0), as Cytoscape's concentric
 * layout does: the range of weights is cut into `levels` bands, the heaviest
 * band at the centre; a ring's nodes are spread evenly round it (each ring
 * turned by the golden angle from the last), and each ring is wide enough for
 * its nodes to sit `spacing` apart.
 */
export function concentric(nodes: readonly NodeToPlace[], options: ConcentricOptions): PlacedNode[] {
  const sorted = [...nodes].sort((a, b) => b.weight - a.weight || a.key.localeCompare(b.key));
  const top = sorted[0]?.weight ?? 0;
  const bottom = sorted.at(-1)?.weight ?? 0;
  const band = Math.max((top - bottom) / options.levels, Number.EPSILON);
  const rings = new Map<number, NodeToPlace[]>();
  for (const node of sorted) {
    const level = Math.min(options.levels - 1, Math.floor((top - node.weight) / band));
    const ring = rings.get(level);
    if (ring) ring.push(node);
    else rings.set(level, [node]);
  }
  const placed: PlacedNode[] = [];
  let outer = 0;
  [...rings.values()].forEach((ring, index) => {
    const widest = Math.max(...ring.map((node) => node.radius));
    // The chord between neighbours, 2R sin(π/n), must span two radii and the spacing.
    const around =
      ring.length < 2 ? 0 : (2 * widest + options.spacing) / (2 * Math.sin(Math.PI / ring.length));
    const radius = Math.max(around, index === 0 ? 0 : outer + widest + options.spacing);
    const step = (2 * Math.PI) / ring.length;
    ring.forEach((node, i) => {
      const angle = -Math.PI / 2 + step * i + GOLDEN_ANGLE * index;
      placed.push({ ...node, x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
    });
    outer = radius + widest;
  });
  return placed;
}
