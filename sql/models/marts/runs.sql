{{ config(materialized="view") }}

with

runs as (
    select * from {{ ref('stg_runs') }}
),

runs_with_duration as (
    select
        runs.*,
        date_diff('millisecond', started_at, finished_at) / 1000.0 as duration_seconds
    from runs
)

select * from runs_with_duration
