/**
 * How a state reads at a glance. Labels in lib/ pick a tone per state; components/ui/badge.tsx decides what each
 * tone looks like.
 */
export type BadgeTone = "neutral" | "good" | "warn" | "bad" | "info";
