;; TickLab reference engine: WebAssembly SIMD kernels over f64 columns.
;;
;; Hand-written WebAssembly text, assembled by `ticklab build-wasm` (the npm `wabt`
;; package) into engine/simd/kernels-wasm.ts. The JavaScript side is engine/simd/kernels-simd.ts.
;;
;; Every kernel takes byte addresses into this module's memory and an element count.
;; Memory layout (see kernels-simd.ts, which owns it):
;;   [0, 64)           scratch: kernels that produce two results store them at 0 and 8
;;   [64, 32832)       staging A: 4096 f64, where arrays outside wasm memory are copied
;;   [32832, 65600)    staging B: 4096 f64
;;   [65600, 81984)    staging S: 4096 i32 (symbol ids)
;;   [131072, ...)     heap: views handed out by alloc(), 64-byte aligned, bump allocated
;;
;; Shape of every kernel (why it is fast):
;;   1. a main loop over f64x2 vectors (two f64 lanes per 128-bit register) with several
;;      independent accumulators, so consecutive additions do not wait on each other:
;;      an f64 add has a latency of about 4 cycles but the core can start about 2 per
;;      cycle, so one accumulator uses 1/8 of the adder, eight use all of it;
;;   2. a loop over the remaining pairs into the first accumulator;
;;   3. a fixed tree that folds the accumulators and the two lanes together;
;;   4. a scalar tail for the last element when the count is odd.
;; The order of additions therefore differs from a left-to-right loop: results differ
;; from it by reassociation only, bounded in kernels.ts (reassociationBound).
;; Loads use align=8: a Float64Array may start at any multiple of 8 bytes, and wasm
;; loads are correct at any address (the alignment is only a hint).
(module
  (memory (export "memory") 2)

  ;; sum(p, n) -> f64: x[0] + ... + x[n-1]. Eight accumulators, 16 elements per turn.
  (func $sum (export "sum") (param $p i32) (param $n i32) (result f64)
    (local $end i32) (local $end16 i32) (local $end2 i32) (local $t f64)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $a4 v128) (local $a5 v128) (local $a6 v128) (local $a7 v128)
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $end16 (i32.add (local.get $p)
      (i32.shl (i32.and (local.get $n) (i32.const -16)) (i32.const 3))))
    (local.set $end2 (i32.add (local.get $p)
      (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3))))
    (if (i32.lt_u (local.get $p) (local.get $end16))
      (then
        (loop $main
          (local.set $a0 (f64x2.add (local.get $a0) (v128.load offset=0 align=8 (local.get $p))))
          (local.set $a1 (f64x2.add (local.get $a1) (v128.load offset=16 align=8 (local.get $p))))
          (local.set $a2 (f64x2.add (local.get $a2) (v128.load offset=32 align=8 (local.get $p))))
          (local.set $a3 (f64x2.add (local.get $a3) (v128.load offset=48 align=8 (local.get $p))))
          (local.set $a4 (f64x2.add (local.get $a4) (v128.load offset=64 align=8 (local.get $p))))
          (local.set $a5 (f64x2.add (local.get $a5) (v128.load offset=80 align=8 (local.get $p))))
          (local.set $a6 (f64x2.add (local.get $a6) (v128.load offset=96 align=8 (local.get $p))))
          (local.set $a7 (f64x2.add (local.get $a7) (v128.load offset=112 align=8 (local.get $p))))
          (local.set $p (i32.add (local.get $p) (i32.const 128)))
          (br_if $main (i32.lt_u (local.get $p) (local.get $end16))))))
    (if (i32.lt_u (local.get $p) (local.get $end2))
      (then
        (loop $pairs
          (local.set $a0 (f64x2.add (local.get $a0) (v128.load align=8 (local.get $p))))
          (local.set $p (i32.add (local.get $p) (i32.const 16)))
          (br_if $pairs (i32.lt_u (local.get $p) (local.get $end2))))))
    (local.set $a0 (f64x2.add
      (f64x2.add (f64x2.add (local.get $a0) (local.get $a1)) (f64x2.add (local.get $a2) (local.get $a3)))
      (f64x2.add (f64x2.add (local.get $a4) (local.get $a5)) (f64x2.add (local.get $a6) (local.get $a7)))))
    (local.set $t (f64.add (f64x2.extract_lane 0 (local.get $a0)) (f64x2.extract_lane 1 (local.get $a0))))
    (if (i32.lt_u (local.get $p) (local.get $end))
      (then (local.set $t (f64.add (local.get $t) (f64.load (local.get $p))))))
    (local.get $t))

  ;; dot(pa, pb, n) -> f64: a[0]*b[0] + ... + a[n-1]*b[n-1]. Also the notional
  ;; (sum of price * quantity). Each product is rounded, then summed (no fused
  ;; multiply-add: wasm SIMD has none outside relaxed-simd, whose results vary by CPU).
  ;; Four accumulators, 8 elements per turn: two loads per vector, so the loads,
  ;; not the adder, are the limit, and four chains are enough to keep them busy.
  (func $dot (export "dot") (param $pa i32) (param $pb i32) (param $n i32) (result f64)
    (local $end i32) (local $end8 i32) (local $end2 i32) (local $t f64)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local.set $end (i32.add (local.get $pa) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $end8 (i32.add (local.get $pa)
      (i32.shl (i32.and (local.get $n) (i32.const -8)) (i32.const 3))))
    (local.set $end2 (i32.add (local.get $pa)
      (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3))))
    (if (i32.lt_u (local.get $pa) (local.get $end8))
      (then
        (loop $main
          (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul
            (v128.load offset=0 align=8 (local.get $pa)) (v128.load offset=0 align=8 (local.get $pb)))))
          (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul
            (v128.load offset=16 align=8 (local.get $pa)) (v128.load offset=16 align=8 (local.get $pb)))))
          (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul
            (v128.load offset=32 align=8 (local.get $pa)) (v128.load offset=32 align=8 (local.get $pb)))))
          (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul
            (v128.load offset=48 align=8 (local.get $pa)) (v128.load offset=48 align=8 (local.get $pb)))))
          (local.set $pa (i32.add (local.get $pa) (i32.const 64)))
          (local.set $pb (i32.add (local.get $pb) (i32.const 64)))
          (br_if $main (i32.lt_u (local.get $pa) (local.get $end8))))))
    (if (i32.lt_u (local.get $pa) (local.get $end2))
      (then
        (loop $pairs
          (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul
            (v128.load align=8 (local.get $pa)) (v128.load align=8 (local.get $pb)))))
          (local.set $pa (i32.add (local.get $pa) (i32.const 16)))
          (local.set $pb (i32.add (local.get $pb) (i32.const 16)))
          (br_if $pairs (i32.lt_u (local.get $pa) (local.get $end2))))))
    (local.set $a0 (f64x2.add
      (f64x2.add (local.get $a0) (local.get $a1)) (f64x2.add (local.get $a2) (local.get $a3))))
    (local.set $t (f64.add (f64x2.extract_lane 0 (local.get $a0)) (f64x2.extract_lane 1 (local.get $a0))))
    (if (i32.lt_u (local.get $pa) (local.get $end))
      (then (local.set $t (f64.add (local.get $t)
        (f64.mul (f64.load (local.get $pa)) (f64.load (local.get $pb)))))))
    (local.get $t))

  ;; vwap_parts(pp, pv, n): stores sum(p*v) at address 0 and sum(v) at address 8.
  ;; The caller divides (and returns 0 when sum(v) is 0), after adding up chunks.
  ;; Four accumulators for each sum: 8 independent chains, 8 elements per turn.
  (func $vwap_parts (export "vwap_parts") (param $pp i32) (param $pv i32) (param $n i32)
    (local $end i32) (local $end8 i32) (local $end2 i32) (local $num f64) (local $den f64)
    (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128)
    (local $n0 v128) (local $n1 v128) (local $n2 v128) (local $n3 v128)
    (local $d0 v128) (local $d1 v128) (local $d2 v128) (local $d3 v128)
    (local.set $end (i32.add (local.get $pp) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $end8 (i32.add (local.get $pp)
      (i32.shl (i32.and (local.get $n) (i32.const -8)) (i32.const 3))))
    (local.set $end2 (i32.add (local.get $pp)
      (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3))))
    (if (i32.lt_u (local.get $pp) (local.get $end8))
      (then
        (loop $main
          (local.set $v0 (v128.load offset=0 align=8 (local.get $pv)))
          (local.set $v1 (v128.load offset=16 align=8 (local.get $pv)))
          (local.set $v2 (v128.load offset=32 align=8 (local.get $pv)))
          (local.set $v3 (v128.load offset=48 align=8 (local.get $pv)))
          (local.set $n0 (f64x2.add (local.get $n0)
            (f64x2.mul (v128.load offset=0 align=8 (local.get $pp)) (local.get $v0))))
          (local.set $n1 (f64x2.add (local.get $n1)
            (f64x2.mul (v128.load offset=16 align=8 (local.get $pp)) (local.get $v1))))
          (local.set $n2 (f64x2.add (local.get $n2)
            (f64x2.mul (v128.load offset=32 align=8 (local.get $pp)) (local.get $v2))))
          (local.set $n3 (f64x2.add (local.get $n3)
            (f64x2.mul (v128.load offset=48 align=8 (local.get $pp)) (local.get $v3))))
          (local.set $d0 (f64x2.add (local.get $d0) (local.get $v0)))
          (local.set $d1 (f64x2.add (local.get $d1) (local.get $v1)))
          (local.set $d2 (f64x2.add (local.get $d2) (local.get $v2)))
          (local.set $d3 (f64x2.add (local.get $d3) (local.get $v3)))
          (local.set $pp (i32.add (local.get $pp) (i32.const 64)))
          (local.set $pv (i32.add (local.get $pv) (i32.const 64)))
          (br_if $main (i32.lt_u (local.get $pp) (local.get $end8))))))
    (if (i32.lt_u (local.get $pp) (local.get $end2))
      (then
        (loop $pairs
          (local.set $v0 (v128.load align=8 (local.get $pv)))
          (local.set $n0 (f64x2.add (local.get $n0)
            (f64x2.mul (v128.load align=8 (local.get $pp)) (local.get $v0))))
          (local.set $d0 (f64x2.add (local.get $d0) (local.get $v0)))
          (local.set $pp (i32.add (local.get $pp) (i32.const 16)))
          (local.set $pv (i32.add (local.get $pv) (i32.const 16)))
          (br_if $pairs (i32.lt_u (local.get $pp) (local.get $end2))))))
    (local.set $n0 (f64x2.add
      (f64x2.add (local.get $n0) (local.get $n1)) (f64x2.add (local.get $n2) (local.get $n3))))
    (local.set $d0 (f64x2.add
      (f64x2.add (local.get $d0) (local.get $d1)) (f64x2.add (local.get $d2) (local.get $d3))))
    (local.set $num (f64.add (f64x2.extract_lane 0 (local.get $n0)) (f64x2.extract_lane 1 (local.get $n0))))
    (local.set $den (f64.add (f64x2.extract_lane 0 (local.get $d0)) (f64x2.extract_lane 1 (local.get $d0))))
    (if (i32.lt_u (local.get $pp) (local.get $end))
      (then
        (local.set $num (f64.add (local.get $num)
          (f64.mul (f64.load (local.get $pp)) (f64.load (local.get $pv)))))
        (local.set $den (f64.add (local.get $den) (f64.load (local.get $pv))))))
    (f64.store offset=0 (i32.const 0) (local.get $num))
    (f64.store offset=8 (i32.const 0) (local.get $den)))

  ;; min_max(p, n): stores min(x) at address 0 and max(x) at address 8; +Infinity and
  ;; -Infinity when n is 0. f64x2.min/max follow IEEE 754-2019 minimum/maximum, like
  ;; Math.min/max: a NaN anywhere gives NaN, and -0 is below +0.
  (func $min_max (export "min_max") (param $p i32) (param $n i32)
    (local $end i32) (local $end8 i32) (local $end2 i32) (local $lo f64) (local $hi f64)
    (local $x0 v128) (local $x1 v128) (local $x2 v128) (local $x3 v128)
    (local $l0 v128) (local $l1 v128) (local $l2 v128) (local $l3 v128)
    (local $h0 v128) (local $h1 v128) (local $h2 v128) (local $h3 v128)
    (local.set $l0 (f64x2.splat (f64.const inf)))
    (local.set $l1 (local.get $l0)) (local.set $l2 (local.get $l0)) (local.set $l3 (local.get $l0))
    (local.set $h0 (f64x2.splat (f64.const -inf)))
    (local.set $h1 (local.get $h0)) (local.set $h2 (local.get $h0)) (local.set $h3 (local.get $h0))
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $end8 (i32.add (local.get $p)
      (i32.shl (i32.and (local.get $n) (i32.const -8)) (i32.const 3))))
    (local.set $end2 (i32.add (local.get $p)
      (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3))))
    (if (i32.lt_u (local.get $p) (local.get $end8))
      (then
        (loop $main
          (local.set $x0 (v128.load offset=0 align=8 (local.get $p)))
          (local.set $x1 (v128.load offset=16 align=8 (local.get $p)))
          (local.set $x2 (v128.load offset=32 align=8 (local.get $p)))
          (local.set $x3 (v128.load offset=48 align=8 (local.get $p)))
          (local.set $l0 (f64x2.min (local.get $l0) (local.get $x0)))
          (local.set $l1 (f64x2.min (local.get $l1) (local.get $x1)))
          (local.set $l2 (f64x2.min (local.get $l2) (local.get $x2)))
          (local.set $l3 (f64x2.min (local.get $l3) (local.get $x3)))
          (local.set $h0 (f64x2.max (local.get $h0) (local.get $x0)))
          (local.set $h1 (f64x2.max (local.get $h1) (local.get $x1)))
          (local.set $h2 (f64x2.max (local.get $h2) (local.get $x2)))
          (local.set $h3 (f64x2.max (local.get $h3) (local.get $x3)))
          (local.set $p (i32.add (local.get $p) (i32.const 64)))
          (br_if $main (i32.lt_u (local.get $p) (local.get $end8))))))
    (if (i32.lt_u (local.get $p) (local.get $end2))
      (then
        (loop $pairs
          (local.set $x0 (v128.load align=8 (local.get $p)))
          (local.set $l0 (f64x2.min (local.get $l0) (local.get $x0)))
          (local.set $h0 (f64x2.max (local.get $h0) (local.get $x0)))
          (local.set $p (i32.add (local.get $p) (i32.const 16)))
          (br_if $pairs (i32.lt_u (local.get $p) (local.get $end2))))))
    (local.set $l0 (f64x2.min
      (f64x2.min (local.get $l0) (local.get $l1)) (f64x2.min (local.get $l2) (local.get $l3))))
    (local.set $h0 (f64x2.max
      (f64x2.max (local.get $h0) (local.get $h1)) (f64x2.max (local.get $h2) (local.get $h3))))
    (local.set $lo (f64.min (f64x2.extract_lane 0 (local.get $l0)) (f64x2.extract_lane 1 (local.get $l0))))
    (local.set $hi (f64.max (f64x2.extract_lane 0 (local.get $h0)) (f64x2.extract_lane 1 (local.get $h0))))
    (if (i32.lt_u (local.get $p) (local.get $end))
      (then
        (local.set $lo (f64.min (local.get $lo) (f64.load (local.get $p))))
        (local.set $hi (f64.max (local.get $hi) (f64.load (local.get $p))))))
    (f64.store offset=0 (i32.const 0) (local.get $lo))
    (f64.store offset=8 (i32.const 0) (local.get $hi)))

  ;; notional_by_symbol(ps, pp, pq, n, id) -> f64: the sum of p[i]*q[i] over the rows
  ;; whose 32-bit symbol s[i] equals id (struct-of-arrays trade table: three columns).
  ;; Branch-free: each pair of symbols is widened to two 64-bit lanes
  ;; (v128.load32x2_u), compared with i64x2.eq into an all-ones/all-zeros mask, and
  ;; the mask ANDed with the products, so a row that does not match adds +0 (even if
  ;; its price is NaN: a filtered-out row never reaches the sum).
  (func $notional_by_symbol (export "notional_by_symbol")
    (param $ps i32) (param $pp i32) (param $pq i32) (param $n i32) (param $id i32) (result f64)
    (local $end i32) (local $end8 i32) (local $end2 i32) (local $t f64) (local $key v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local.set $key (i64x2.splat (i64.extend_i32_u (local.get $id))))
    ;; the loop counts on the price column; the symbol column advances 4 bytes a row
    (local.set $end (i32.add (local.get $pp) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $end8 (i32.add (local.get $pp)
      (i32.shl (i32.and (local.get $n) (i32.const -8)) (i32.const 3))))
    (local.set $end2 (i32.add (local.get $pp)
      (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3))))
    (if (i32.lt_u (local.get $pp) (local.get $end8))
      (then
        (loop $main
          (local.set $a0 (f64x2.add (local.get $a0) (v128.and
            (i64x2.eq (v128.load32x2_u offset=0 align=4 (local.get $ps)) (local.get $key))
            (f64x2.mul (v128.load offset=0 align=8 (local.get $pp)) (v128.load offset=0 align=8 (local.get $pq))))))
          (local.set $a1 (f64x2.add (local.get $a1) (v128.and
            (i64x2.eq (v128.load32x2_u offset=8 align=4 (local.get $ps)) (local.get $key))
            (f64x2.mul (v128.load offset=16 align=8 (local.get $pp)) (v128.load offset=16 align=8 (local.get $pq))))))
          (local.set $a2 (f64x2.add (local.get $a2) (v128.and
            (i64x2.eq (v128.load32x2_u offset=16 align=4 (local.get $ps)) (local.get $key))
            (f64x2.mul (v128.load offset=32 align=8 (local.get $pp)) (v128.load offset=32 align=8 (local.get $pq))))))
          (local.set $a3 (f64x2.add (local.get $a3) (v128.and
            (i64x2.eq (v128.load32x2_u offset=24 align=4 (local.get $ps)) (local.get $key))
            (f64x2.mul (v128.load offset=48 align=8 (local.get $pp)) (v128.load offset=48 align=8 (local.get $pq))))))
          (local.set $ps (i32.add (local.get $ps) (i32.const 32)))
          (local.set $pp (i32.add (local.get $pp) (i32.const 64)))
          (local.set $pq (i32.add (local.get $pq) (i32.const 64)))
          (br_if $main (i32.lt_u (local.get $pp) (local.get $end8))))))
    (if (i32.lt_u (local.get $pp) (local.get $end2))
      (then
        (loop $pairs
          (local.set $a0 (f64x2.add (local.get $a0) (v128.and
            (i64x2.eq (v128.load32x2_u align=4 (local.get $ps)) (local.get $key))
            (f64x2.mul (v128.load align=8 (local.get $pp)) (v128.load align=8 (local.get $pq))))))
          (local.set $ps (i32.add (local.get $ps) (i32.const 8)))
          (local.set $pp (i32.add (local.get $pp) (i32.const 16)))
          (local.set $pq (i32.add (local.get $pq) (i32.const 16)))
          (br_if $pairs (i32.lt_u (local.get $pp) (local.get $end2))))))
    (local.set $a0 (f64x2.add
      (f64x2.add (local.get $a0) (local.get $a1)) (f64x2.add (local.get $a2) (local.get $a3))))
    (local.set $t (f64.add (f64x2.extract_lane 0 (local.get $a0)) (f64x2.extract_lane 1 (local.get $a0))))
    (if (i32.lt_u (local.get $pp) (local.get $end))
      (then
        (if (i32.eq (i32.load (local.get $ps)) (local.get $id))
          (then (local.set $t (f64.add (local.get $t)
            (f64.mul (f64.load (local.get $pp)) (f64.load (local.get $pq)))))))))
    (local.get $t))

  ;; read_probe(p, n) -> i32: reads n f64 (8n bytes) and ORs them together as bits.
  ;; Not a kernel: the benchmark's memory-bandwidth probe, the cheapest possible work
  ;; per byte (one 1-cycle integer OR per 16 bytes, eight independent chains), so its
  ;; speed is what memory can deliver to one core. The result defeats dead-code removal.
  (func $read_probe (export "read_probe") (param $p i32) (param $n i32) (result i32)
    (local $end i32) (local $end16 i32) (local $end2 i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $a4 v128) (local $a5 v128) (local $a6 v128) (local $a7 v128)
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $end16 (i32.add (local.get $p)
      (i32.shl (i32.and (local.get $n) (i32.const -16)) (i32.const 3))))
    (local.set $end2 (i32.add (local.get $p)
      (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3))))
    (if (i32.lt_u (local.get $p) (local.get $end16))
      (then
        (loop $main
          (local.set $a0 (v128.or (local.get $a0) (v128.load offset=0 align=8 (local.get $p))))
          (local.set $a1 (v128.or (local.get $a1) (v128.load offset=16 align=8 (local.get $p))))
          (local.set $a2 (v128.or (local.get $a2) (v128.load offset=32 align=8 (local.get $p))))
          (local.set $a3 (v128.or (local.get $a3) (v128.load offset=48 align=8 (local.get $p))))
          (local.set $a4 (v128.or (local.get $a4) (v128.load offset=64 align=8 (local.get $p))))
          (local.set $a5 (v128.or (local.get $a5) (v128.load offset=80 align=8 (local.get $p))))
          (local.set $a6 (v128.or (local.get $a6) (v128.load offset=96 align=8 (local.get $p))))
          (local.set $a7 (v128.or (local.get $a7) (v128.load offset=112 align=8 (local.get $p))))
          (local.set $p (i32.add (local.get $p) (i32.const 128)))
          (br_if $main (i32.lt_u (local.get $p) (local.get $end16))))))
    (if (i32.lt_u (local.get $p) (local.get $end2))
      (then
        (loop $pairs
          (local.set $a0 (v128.or (local.get $a0) (v128.load align=8 (local.get $p))))
          (local.set $p (i32.add (local.get $p) (i32.const 16)))
          (br_if $pairs (i32.lt_u (local.get $p) (local.get $end2))))))
    (if (i32.lt_u (local.get $p) (local.get $end))
      (then (local.set $a0 (v128.or (local.get $a0) (v128.load64_zero align=8 (local.get $p))))))
    (local.set $a0 (v128.or
      (v128.or (v128.or (local.get $a0) (local.get $a1)) (v128.or (local.get $a2) (local.get $a3)))
      (v128.or (v128.or (local.get $a4) (local.get $a5)) (v128.or (local.get $a6) (local.get $a7)))))
    (i32.or
      (i32.or (i32x4.extract_lane 0 (local.get $a0)) (i32x4.extract_lane 1 (local.get $a0)))
      (i32.or (i32x4.extract_lane 2 (local.get $a0)) (i32x4.extract_lane 3 (local.get $a0)))))
)
