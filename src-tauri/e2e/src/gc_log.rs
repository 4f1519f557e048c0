//! What the JavaScript engine's collections say about the page's heap, read from the log it writes
//! with `JSC_logGC=basic`: how big the heap was after the latest collection, how much it grew
//! between collections in all, and how many collections ran (full ones apart).
//!
//! A collection logs its start, `[GC<vm>: START M 4915kb => EdenCollection, …]`, with the heap's
//! capacity then, and its end, `[GC<vm>: … => 5218kb, p=…, cycle … END]`, with the size left.
//! The growth between two collections is the next start less the last end, per VM: an estimate
//! of what the page allocated (the capacity counts free cells in its blocks too, and what was
//! allocated while a collection ran is not in it).

use std::collections::HashMap;

/// The page's JavaScript heap, from the GC log.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JsHeap {
    /// KiB left after the latest collection (of any VM).
    pub after_last_collection: u64,
    /// KiB the heap grew by between collections, from the start up to the latest one, all VMs
    /// together: about what the page allocated.
    pub grown: u64,
    /// Collections that ran, and how many of them were full ones.
    pub collections: u64,
    pub full_collections: u64,
    /// Lines that start or end a collection but could not be read (two threads' lines run
    /// together in the log): a count above zero makes `grown` less exact.
    pub unread_lines: u64,
}

impl JsHeap {
    /// Reads the log; `None` when it holds no finished collection.
    pub fn from_log(log: &str) -> Option<Self> {
        let mut heap = Self::default();
        let mut last_end: HashMap<&str, u64> = HashMap::new();
        let mut ended = false;
        for line in log.lines() {
            let Some((vm, event)) = line
                .strip_prefix("[GC<")
                .and_then(|rest| rest.split_once(">: "))
            else {
                if line.contains("[GC<") && (line.contains("START ") || line.contains(" END]")) {
                    heap.unread_lines += 1;
                }
                continue;
            };
            if let Some(start) = event.strip_prefix("START ") {
                let Some(size) = start.split_whitespace().nth(1).and_then(kib) else {
                    heap.unread_lines += 1;
                    continue;
                };
                heap.grown += size.saturating_sub(last_end.get(vm).copied().unwrap_or(0));
                heap.collections += 1;
                if start.contains("FullCollection") {
                    heap.full_collections += 1;
                }
            } else if event.ends_with("END]") {
                let Some(size) = event
                    .rsplit_once("=> ")
                    .and_then(|(_, after)| after.split(',').next())
                    .and_then(kib)
                else {
                    heap.unread_lines += 1;
                    continue;
                };
                last_end.insert(vm, size);
                heap.after_last_collection = size;
                ended = true;
            } else if event.contains("START ") || event.contains(" END]") {
                heap.unread_lines += 1;
            }
        }
        ended.then_some(heap)
    }
}

/// `4915kb` as 4915.
fn kib(text: &str) -> Option<u64> {
    text.trim().strip_suffix("kb")?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOG: &str = "\
[GC<0xa>: starting 0.016000ms]
[GC<0xa>: START M 4915kb => EdenCollection, a=0kb hf=0.000 mu=0.600 v=0kb p=1.1ms...]
[GC<0xa>: M a=0kb v=1680kb i#3:P<WsOJw> => 5218kb, p=2.563000ms (max 2.563000), cycle 5.098000ms END]
some other line of the app's log
[GC<0xc>: shutdown 1 [GC<0xd>: START M 70kb => EdenCollection]
[GC<0xb>: START M 1000kb => EdenCollection, a=0kb...]
[GC<0xb>: M a=0kb => 400kb, p=1.0ms (max 1.0), cycle 2.0ms END]
[GC<0xa>: START M 9218kb => FullCollection, a=0kb...]
[GC<0xa>: M a=0kb => 3000kb, p=9.0ms (max 9.0), cycle 12.0ms END]
";

    #[test]
    fn growth_is_each_vms_starts_less_its_last_end() {
        let heap = JsHeap::from_log(LOG).unwrap();
        // 0xa: 4915 from nothing, then 9218 - 5218; 0xb: 1000 from nothing.
        assert_eq!(heap.grown, 4915 + 4000 + 1000);
        assert_eq!(heap.after_last_collection, 3000);
        assert_eq!(heap.collections, 3);
        assert_eq!(heap.full_collections, 1);
        // Two threads' lines run together: counted, not read.
        assert_eq!(heap.unread_lines, 1);
    }

    #[test]
    fn a_log_without_a_finished_collection_says_nothing() {
        assert_eq!(JsHeap::from_log("[GC<0xa>: starting 0.016000ms]\n"), None);
        assert_eq!(JsHeap::from_log(""), None);
    }
}
