//! End-to-end tests over real HTTP on loopback, each against its own server and SQLite file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod access;
mod ares;
mod auth;
mod caps;
mod client_ip;
mod common;
mod contact_list;
mod contacts;
mod cors;
mod customers;
mod demo;
mod endpoints;
mod hosts;
mod idempotency;
mod limits;
mod lookup;
mod members;
mod org_contacts;
mod privacy;
mod races;
mod sessions;
mod storage;
mod web;
