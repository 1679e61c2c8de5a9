// Prints the ratio of each benchmark pair from criterion's estimates of the last run: replaying from step 0
// against a timeline seek, and count-only runs against plain implementations.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";

const root = process.argv[2];
const mean = (group, bench) => {
  const file = join(root, group, bench, "new", "estimates.json");
  if (!existsSync(file)) return null;
  // The estimate criterion prints: the slope of its linear sampling when it has one, else the mean.
  const estimates = JSON.parse(readFileSync(file, "utf8"));
  return (estimates.slope ?? estimates.mean).point_estimate;
};
const format = (ns) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(1)} ms` : `${(ns / 1e3).toFixed(2)} µs`);
// Each group holds a baseline and the measured way: (timeline, replay) or (plain, count_only).
const roles = [
  ["timeline", "replay_from_step_0"],
  ["plain", "count_only"],
];
const pairs = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap(({ name }) =>
    roles.filter(([base, other]) => mean(name, base) !== null && mean(name, other) !== null).map((pair) => [name, ...pair]),
  )
  .sort();
console.log("\n| benchmark | baseline | measured | ratio |\n|---|---|---|---|");
for (const [group, base, other] of pairs) {
  const [a, b] = [mean(group, base), mean(group, other)];
  console.log(`| ${group} | ${base} ${format(a)} | ${other} ${format(b)} | ${(b / a).toFixed(2)}× |`);
}
