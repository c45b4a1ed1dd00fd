/**
 * Runs a command for the benchmark: its wall time, its output, and the peak memory (VmHWM) of the largest process in
 * its tree, sampled from /proc every 100 ms. Used by scripts/bench.mjs (the site's build) and scripts/bench/floor.mjs
 * (the bare floor's), so both are measured the same way.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, env: NodeJS.ProcessEnv }} options
 * @returns {Promise<{ code: number | null, output: string, ms: number, peakRssKb: number }>}
 */
export function run(command, args, { cwd, env }) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    let peakRssKb = 0;
    const sample = () => {
      for (const pid of descendants(child.pid)) peakRssKb = Math.max(peakRssKb, highWaterMarkKb(pid));
    };
    const timer = setInterval(sample, 100);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, output, ms: Math.round(performance.now() - started), peakRssKb });
    });
  });
}

/** User + system seconds of a command run under bash's `time -p`, in ms; null if the output lacks them. */
export function cpuMs(output) {
  const seconds = ['user', 'sys'].map((field) => Number(new RegExp(`^${field} ([\\d.]+)$`, 'm').exec(output)?.[1] ?? NaN));
  return seconds.every(Number.isFinite) ? Math.round((seconds[0] + seconds[1]) * 1000) : null;
}

/**
 * The paths Astro rendered, from a build's log. Astro logs each as it starts rendering it ("12:00:01 ├─ /path") and a
 * time ("(+12ms)") when one is done, so with several at a time the names run together ("├─ /a/12:00:01 ├─ /b/
 * (+12ms)"). The pages a build leaves in place (src/integrations/page-keys.ts) Astro never sees.
 * @param {string} output
 * @returns {string[]}
 */
export function renderedPaths(output) {
  return [...output.matchAll(/├─ (\/[^\s├]+?)(?=\d\d:\d\d:\d\d|\s|├|$)/g)].map((match) => match[1]);
}

function descendants(pid) {
  const children = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const found = [pid];
  for (let i = 0; i < found.length; i++) found.push(...(children.get(found[i]) ?? []));
  return found;
}

function highWaterMarkKb(pid) {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}
