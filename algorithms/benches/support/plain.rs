//! Plain Rust versions of catalogue algorithms, step for step the same operations with no state machine,
//! snapshots or counters: the baseline count-only runs are compared against.

pub fn heap_sort(a: &mut [i64]) {
    let n = a.len();
    for root in (0..n / 2).rev() {
        sift_down(a, root, n);
    }
    for end in (1..n).rev() {
        a.swap(0, end);
        sift_down(a, 0, end);
    }
}

fn sift_down(a: &mut [i64], mut root: usize, end: usize) {
    loop {
        let mut child = 2 * root + 1;
        if child + 1 < end && a[child] < a[child + 1] {
            child += 1;
        }
        if child < end && a[root] < a[child] {
            a.swap(root, child);
            root = child;
        } else {
            return;
        }
    }
}

pub fn merge_sort_bottom_up(a: &mut [i64]) {
    let n = a.len();
    let mut buffer = vec![0; n];
    let mut width = 1;
    while width < n {
        for lo in (0..n).step_by(2 * width) {
            let (mid, hi) = ((lo + width).min(n), (lo + 2 * width).min(n));
            buffer[lo..hi].copy_from_slice(&a[lo..hi]);
            let (mut i, mut j) = (lo, mid);
            for slot in &mut a[lo..hi] {
                if j == hi || (i < mid && buffer[i] <= buffer[j]) {
                    *slot = buffer[i];
                    i += 1;
                } else {
                    *slot = buffer[j];
                    j += 1;
                }
            }
        }
        width *= 2;
    }
}

/// Hoare partition around the middle element's value, as `quicksort-hoare` does.
pub fn quicksort_hoare(a: &mut [i64]) {
    if a.len() > 1 {
        let (lo, hi) = (0, a.len() - 1);
        let pivot = a[(lo + hi) / 2];
        let (mut i, mut j) = (lo, hi);
        let p = loop {
            while a[i] < pivot {
                i += 1;
            }
            while a[j] > pivot {
                j -= 1;
            }
            if i >= j {
                break j;
            }
            a.swap(i, j);
            i += 1;
            j -= 1;
        };
        let (left, right) = a.split_at_mut(p + 1);
        quicksort_hoare(left);
        quicksort_hoare(right);
    }
}

/// Base 10 on `x − min`, as `radix-sort` does.
pub fn radix_sort(a: &mut [i64]) {
    let Some(&lo) = a.iter().min() else { return };
    let max_key = a.iter().map(|&x| x - lo).max().unwrap_or(0);
    let mut out = vec![0; a.len()];
    let mut exp = 1;
    while exp <= max_key {
        let digit = |x: i64| ((x - lo) / exp % 10) as usize;
        let mut count = [0usize; 10];
        for &x in a.iter() {
            count[digit(x)] += 1;
        }
        for d in 1..10 {
            count[d] += count[d - 1];
        }
        for &x in a.iter().rev() {
            count[digit(x)] -= 1;
            out[count[digit(x)]] = x;
        }
        a.copy_from_slice(&out);
        exp *= 10;
    }
}
