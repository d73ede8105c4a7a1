"use client";

import { useEffect, useState } from "react";
import { type CountShown, VisitorCountView } from "./visitor-count-view";

const REFRESH_MS = 10_000;

type VisitsResponse = { total: number; today: { views: number; uniques: number } };

/**
 * Keeps the server-rendered count fresh by asking /api/visits every 10 s, and only while
 * the tab is visible (a hidden tab costs nothing).
 */
export function LiveVisitorCount({ initial }: { initial: CountShown }) {
  const [count, setCount] = useState(initial);

  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const refresh = async () => {
      try {
        const response = await fetch("/api/visits", { cache: "no-store" });
        if (!response.ok) return; // keep showing the last good value
        const visits = (await response.json()) as VisitsResponse;
        setCount({
          status: "ok",
          total: visits.total,
          todayViews: visits.today.views,
          todayUniques: visits.today.uniques,
        });
      } catch {
        // Offline or a deploy in progress: try again at the next tick.
      }
    };
    const schedule = () => {
      clearInterval(timer);
      timer = undefined;
      if (document.visibilityState !== "visible") return;
      timer = setInterval(refresh, REFRESH_MS);
    };
    const onVisibility = () => {
      if (document.visibilityState === "visible") void refresh();
      schedule();
    };
    schedule();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, []);

  return <VisitorCountView count={count} />;
}
