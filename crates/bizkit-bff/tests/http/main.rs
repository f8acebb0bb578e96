//! End-to-end tests over real HTTP on loopback, each against its own server and SQLite file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod access;
mod ares;
mod auth;
mod common;
mod contacts;
mod cors;
mod customers;
mod idempotency;
mod lookup;
mod members;
mod org_contacts;
mod races;
mod storage;
mod web;
