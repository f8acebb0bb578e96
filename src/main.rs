fn main() {
    bizkit_forms::start();
}
